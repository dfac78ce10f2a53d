#!/usr/bin/env bash
# Installs Pagefind (PyPI pagefind[extended], pinned) in .venv-search and
# links its binary as .venv-search/bin/clerk-pagefind, where `clerk build`
# looks for it (CLERK_PAGEFIND overrides). Idempotent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/tools/venv-setup.sh" .venv-search tools/requirements-search.txt \
  'import pagefind_bin_extended, os; assert os.access(os.path.join(os.path.dirname(pagefind_bin_extended.__file__), "pagefind_extended"), os.X_OK)'
BIN="$(ls "$ROOT"/.venv-search/lib/python3*/site-packages/pagefind_bin_extended/pagefind_extended | head -n 1)"
ln -sfn "$BIN" "$ROOT/.venv-search/bin/clerk-pagefind"
"$ROOT/.venv-search/bin/clerk-pagefind" --version
