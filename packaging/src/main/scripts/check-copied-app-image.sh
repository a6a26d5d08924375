#!/usr/bin/env bash
# Proves that a copy of the app image whose jar got a new modification time (a plain `cp -r`, an
# installer that does not keep file times) still starts cleanly and uses its start-up cache from
# the second start on. Run by the packaging module after the image is made and trained:
#   check-copied-app-image.sh <app image> <scratch folder>
# The JVM refuses the cache with any other jar time; FRAME sets the time back from
# lib/app/frame.aot.stamp when the jar's bytes are the trained ones (StartupCacheStamp).
set -euo pipefail

image="$1"
copy="$2/FRAME"

[ -f "$image/lib/app/frame.aot.stamp" ] || { echo "[INFO] The app image has no start-up cache: no copy to check."; exit 0; }
rm -rf "$2"
mkdir -p "$2"
cp -R "$image" "$copy"
touch -t 200001010000 "$copy/lib/app/frame.jar" # the time a careless copy may leave

fail() { echo "[ERROR] A copied app image: $1" >&2; exit 1; }

# the first start: the JVM refuses the cache (its errors go to standard error, not into a
# command's output) and FRAME sets the jar's time back
out=$(FRAME_HOME="$2/home" "$copy/bin/FRAME" --version 2> "$2/first.err") || fail "FRAME --version failed: $(cat "$2/first.err")"
case "$out" in "FRAME "*) ;; *) fail "FRAME --version printed '$out'";; esac
case "$out" in *"[aot]"*|*"[error"*|*"[warning"*) fail "the JVM's messages went into the command's output: $out";; esac

# the second start: AOTMode=on makes the JVM refuse to start unless it can use the cache
FRAME_HOME="$2/home" JAVA_TOOL_OPTIONS="-XX:AOTMode=on" "$copy/bin/FRAME" --version > "$2/second.out" 2>&1 \
  || fail "the second start could not use the start-up cache: $(cat "$2/second.out")"

# a copy that keeps times only to 2 s (FAT, a zip, an MSI's cabinet) needs no repair: the
# training noted an even second, so even a first start that may not set the time uses the cache
rm -rf "$copy"
cp -R "$image" "$copy"
seconds=$(sed -n 's/^jar-mtime=//p' "$image/lib/app/frame.aot.stamp")
[ $((seconds % 2)) -eq 0 ] || fail "the start-up cache was trained with the jar at an odd second ($seconds)"
touch -d "@$seconds" "$copy/lib/app/frame.jar"
FRAME_HOME="$2/home" JAVA_TOOL_OPTIONS="-XX:AOTMode=on" "$copy/bin/FRAME" --version > "$2/two-seconds.out" 2>&1 \
  || fail "a copy with the jar's time kept to 2 s could not use the start-up cache: $(cat "$2/two-seconds.out")"

rm -rf "$2"
echo "[INFO] A copy of the app image with a new jar time starts cleanly and uses its start-up cache from the second start;"
echo "[INFO] one that keeps file times to 2 s (FAT, zip, MSI) uses it from the first."
