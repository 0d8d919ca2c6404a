#!/usr/bin/env bash
# Lighthouse scores for representative pages of the site, measured the way readers get them:
# a fresh build served by nginx with the shipped configuration (src/deploy/nginx/), audited by
# lighthouse@12 from npm with Debian's Chromium (mobile emulation, Lighthouse's default).
#
# Usage (from anywhere, after `mvn -q -B -DskipTests package`):  src/scripts/lighthouse.sh
# Needs: nginx, chromium, node/npm (lighthouse is installed into a temporary folder, or taken
# from LIGHTHOUSE_DIR if set). Prints one line per page and writes the JSON reports to
# target/lighthouse/.
set -euo pipefail
project=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'kill "$(cat "$work/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
reports="$project/target/lighthouse"
mkdir -p "$reports"

lighthouse_dir=${LIGHTHOUSE_DIR:-$work/lighthouse}
if [ ! -x "$lighthouse_dir/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$lighthouse_dir"
  (cd "$lighthouse_dir" && npm install --no-audit --no-fund --silent lighthouse@12 >/dev/null)
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$project/target/explainer.jar" build --source "$project" --out "$work/site" \
  --base-url "http://127.0.0.1:$port/" >/dev/null

sed -e "s|listen 8080;|listen 127.0.0.1:$port;|" -e "s|root /srv/vienna-talks/site;|root $work/site;|" \
    -e "s|/etc/nginx/snippets/explainer-headers.conf|$project/src/deploy/nginx/explainer-headers.conf|" \
    "$project/src/deploy/nginx/explainer.conf" > "$work/explainer.conf"
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"
cat > "$work/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  include $work/explainer.conf;
}
CONF
nginx -p "$work" -c "$work/nginx.conf"

printf '%-40s %12s %14s %15s %6s\n' page performance accessibility best-practices seo
# The same pages in every edition: the English original at the root, the Arabic under /ar/, the
# Russian under /ru/ (its home page and matrix).
for page in / /positions/ /quotes/ /parties/russia/ /quotes/kerry-inclusive-reuters/ /timeline/ \
    /ar/ /ar/positions/ /ar/quotes/ /ar/parties/russia/ /ar/quotes/kerry-inclusive-reuters/ /ar/timeline/ /ru/ /ru/positions/; do
  name=$(echo "$page" | tr '/' '_' | sed 's/^_//; s/_$//'); name=${name:-home}
  CHROME_PATH=/usr/bin/chromium "$lighthouse_dir/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$page" \
    --quiet --output=json --output-path="$reports/$name.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$work/profile-$name" \
    >/dev/null 2>"$work/lighthouse-$name.log" || { echo "lighthouse failed on $page:"; tail -5 "$work/lighthouse-$name.log"; exit 1; }
  python3 - "$reports/$name.json" "$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
score = lambda c: round(report["categories"][c]["score"] * 100)
print("%-40s %12d %14d %15d %6d" % (sys.argv[2], score("performance"), score("accessibility"), score("best-practices"), score("seo")))
PY
done
