#!/usr/bin/env bash
# Fetch the JavaScript builds the WebGL page inlines from npm, and check them against the
# SHA-256 recorded in src/healthgraph/visual/vendor/README.md (run after changing a version there).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$here/src/healthgraph/visual/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fetch() {  # package version file-in-package vendored-name licence-name
  npm pack --silent "$1@$2" >/dev/null
  mkdir "$1" && tar xzf "$1-$2.tgz" -C "$1"
  cp "$1/package/$3" "$vendor/$4"
  cp "$1/package/LICENSE.txt" "$vendor/$5"
}
fetch sigma 3.0.2 dist/sigma.min.js sigma.min.js sigma.LICENSE.txt
fetch graphology 0.26.0 dist/graphology.umd.min.js graphology.umd.min.js graphology.LICENSE.txt
cd "$vendor"
grep -o '`[a-z.]*\.js` | [^|]* | [^|]* | `[0-9a-f]\{64\}`' README.md \
  | sed -E 's/^`([^`]*)`.*`([0-9a-f]{64})`$/\2  \1/' | sha256sum -c -
