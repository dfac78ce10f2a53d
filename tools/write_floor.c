/* The cost of writing a build's files, apart from making them (make bench):
   loads every file named in LIST (paths relative to SRC) into memory, then
   times two processes side by side writing them under DEST/0 and DEST/1 (the
   list taken alternately), each file opened, written and closed, its folders
   made as needed. Prints the wall time of the writing alone, in seconds.
   Usage: write_floor SRC LIST DEST */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct { char *rel; char *data; size_t size; } File;

static void makeParents(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = 0;
    if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); exit(1); }
    *p = '/';
  }
}

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: write_floor SRC LIST DEST\n"); return 2; }
  const char *src = argv[1], *dest = argv[3];
  FILE *list = fopen(argv[2], "r");
  if (!list) { perror(argv[2]); return 1; }
  File *files = NULL; size_t count = 0, cap = 0; char line[8192];
  while (fgets(line, sizeof line, list)) {
    line[strcspn(line, "\n")] = 0;
    if (!*line) continue;
    char path[8192]; snprintf(path, sizeof path, "%s/%s", src, line);
    int fd = open(path, O_RDONLY); struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) { perror(path); return 1; }
    char *data = malloc(st.st_size + 1); size_t got = 0;
    while (got < (size_t)st.st_size) { ssize_t n = read(fd, data + got, st.st_size - got); if (n <= 0) { perror(path); return 1; } got += n; }
    close(fd);
    if (count == cap) { cap = cap ? cap * 2 : 1024; files = realloc(files, cap * sizeof *files); }
    files[count++] = (File){ strdup(line), data, got };
  }
  double start = now();
  for (int part = 0; part < 2; part++) {
    if (fork() == 0) {
      for (size_t i = part; i < count; i += 2) {
        char path[8192]; snprintf(path, sizeof path, "%s/%d/%s", dest, part, files[i].rel);
        makeParents(path);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) { perror(path); _exit(1); }
        size_t done = 0;
        while (done < files[i].size) { ssize_t n = write(fd, files[i].data + done, files[i].size - done); if (n <= 0) { perror(path); _exit(1); } done += n; }
        close(fd);
      }
      _exit(0);
    }
  }
  int status, failed = 0;
  while (wait(&status) > 0) failed |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
  printf("%.2f\n", now() - start);
  return failed;
}
