#!/usr/bin/env bash
# Trains the app image's start-up cache (the JDK's ahead-of-time cache, JEP 483/514/515) and makes
# its launcher use it. Run by the packaging module right after jpackage:
#   train-aot-cache.sh <app image> <log file>
#
# The cache must come from the JVM and class path the launcher starts, so both steps run through
# the app image's own launcher, its options passed in JAVA_TOOL_OPTIONS (read by every JVM):
#   1. record: the hidden `aot-training` command (a real import of generated photos);
#   2. create: the JVM turns what it recorded into lib/app/frame.aot and exits.
# Two steps, not -XX:AOTCacheOutput's one, because that one assembles the cache in a child
# lib/runtime/bin/java, which a runtime jlinked with --strip-native-commands does not have.
# -XX:AOTCache goes into FRAME.cfg only once the cache exists and loads: with it in place a
# training run refuses to start ("Only one of AOTCache or AOTCacheOutput can be specified"), and a
# missing cache prints errors at every start.
#
# The cache is optional: whatever fails here, the app image is left working without it, and the
# build goes on (exit 0) after saying so.
set -uo pipefail

image="$1"
log="$2"
app="$image/lib/app"
cfg="$app/FRAME.cfg"
cache="$app/frame.aot"
config="$app/frame.aot.config"
stamp="$app/frame.aot.stamp"
jar="$app/frame.jar"
option='java-options=-XX:AOTCache=$APPDIR/frame.aot'

drop_cache() {
  rm -f "$cache" "$config" "$stamp"
  grep -vxF "$option" "$cfg" > "$cfg.tmp"; mv "$cfg.tmp" "$cfg"
}

without_cache() {
  drop_cache
  echo "[WARNING] FRAME app image without a start-up cache: $1 (see $log). It works without one, it only starts slower."
  exit 0
}

# the JVM takes the cache only with the jar's very modification time (to the second); FRAME sets a
# copied jar's time back from this note when its bytes are the trained ones (StartupCacheStamp)
jar_seconds() { stat -c %Y "$jar" 2> /dev/null || stat -f %m "$jar"; } # GNU, then BSD stat

write_stamp() {
  local seconds sha256
  seconds=$(jar_seconds) || return 1
  sha256=$( (sha256sum "$jar" 2> /dev/null || shasum -a 256 "$jar") | cut -d' ' -f1) || return 1
  [ -n "$seconds" ] && [ ${#sha256} -eq 64 ] || return 1
  printf 'jar-mtime=%s\njar-sha256=%s\n' "$seconds" "$sha256" > "$stamp"
}

# The jar's time to an even second before the training notes it: a FAT file system, a zip and an
# MSI's cabinet keep a file's time only to 2 s, and a copy through one of them must not change it.
even_jar_time() {
  local seconds
  seconds=$(jar_seconds) || return 0
  [ $((seconds % 2)) -eq 0 ] && return 0
  touch -d "@$((seconds - 1))" "$jar" 2> /dev/null \
    || touch -t "$(date -r $((seconds - 1)) +%Y%m%d%H%M.%S)" "$jar" 2> /dev/null || true
}

# a hung training run must not hang the build
limited() { if command -v timeout > /dev/null; then timeout 600 "$@"; else "$@"; fi; }

[ -x "$image/bin/FRAME" ] && [ -f "$cfg" ] || { echo "[INFO] No app image at $image (jpackage.type is not app-image): no start-up cache."; exit 0; }
drop_cache # of an earlier training: a training run will not start with -XX:AOTCache set
even_jar_time
rm -f "$log"
mkdir -p "$(dirname "$log")"

echo "[INFO] Training FRAME's start-up cache with the app image's own launcher (about half a minute)..."
limited env JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$config" \
  "$image/bin/FRAME" aot-training >> "$log" 2>&1 || without_cache "the training import failed"
[ -s "$config" ] || without_cache "the training run recorded nothing"

limited env JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$config -XX:AOTCache=$cache" \
  "$image/bin/FRAME" >> "$log" 2>&1 || without_cache "the cache could not be assembled"
rm -f "$config"
[ -s "$cache" ] || without_cache "the cache could not be assembled"

# the option goes first in [JavaOptions], whatever jpackage writes after it
awk -v option="$option" '{ print } /^\[JavaOptions\]$/ { print option }' "$cfg" > "$cfg.tmp" && mv "$cfg.tmp" "$cfg"
grep -qxF "$option" "$cfg" || without_cache "FRAME.cfg has no [JavaOptions] section"

# AOTMode=on makes the JVM refuse to start when the cache does not match it
limited env JAVA_TOOL_OPTIONS="-XX:AOTMode=on" "$image/bin/FRAME" --version >> "$log" 2>&1 \
  || without_cache "the launcher cannot use the cache"

write_stamp || without_cache "the jar's time and SHA-256 could not be noted beside the cache"

echo "[INFO] FRAME app image start-up cache: $cache ($(( $(wc -c < "$cache") / 1048576 )) MB), used by its launcher (FRAME.cfg: -XX:AOTCache)."
