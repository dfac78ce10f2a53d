/* The benchmark's baseline: cmark-gfm alone parsing and rendering every
   markdown file named on stdin (one path per line), with the extensions
   Clerk uses. Prints the number of files and bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

int main(void) {
  cmark_gfm_core_extensions_ensure_registered();
  const char *names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
  int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 |
                CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
  char path[4096];
  long files = 0, bytes = 0, out = 0;
  while (fgets(path, sizeof path, stdin)) {
    path[strcspn(path, "\n")] = 0;
    FILE *f = fopen(path, "rb");
    if (!f) continue;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc(size + 1);
    size_t got = fread(text, 1, size, f);
    fclose(f);
    cmark_parser *parser = cmark_parser_new(options);
    for (int i = 0; i < 5; i++)
      cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[i]));
    cmark_parser_feed(parser, text, got);
    cmark_node *doc = cmark_parser_finish(parser);
    char *html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
    out += strlen(html);
    free(html);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    free(text);
    files++;
    bytes += got;
  }
  printf("%ld %ld %ld\n", files, bytes, out);
  return 0;
}
