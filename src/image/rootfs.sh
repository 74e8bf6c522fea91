#!/bin/sh
# The container image's base, built from this build machine without pulling anything (./mvnw -Pimage package runs it;
# Jib adds dbsim on top): a Java runtime linked by jlink from the build's JDK, the shared libraries it and the
# embedded PostgreSQL's binaries load (copied from this machine, as ldd finds them), a POSIX shell (initdb and pg_ctl
# start PostgreSQL through /bin/sh), the C.UTF-8 locale (initdb refuses a locale it cannot load), and the unprivileged
# user dbsim runs as (PostgreSQL refuses root, and initdb looks the user up). Linux x86_64 with glibc only, as the
# embedded PostgreSQL is.
#
#   rootfs.sh JDK OUT MODULES
set -eu
jdk=$1 out=$2 modules=$3

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) ;;
  *) echo "rootfs.sh: the image is built on Linux x86_64 (this is $(uname -s)/$(uname -m))" >&2; exit 1 ;;
esac

rm -rf "$out"
mkdir -p "$out"
# java.desktop is there for java.beans (HikariCP and jOOQ use it); its windowing and sound libraries would pull in X11
# and ALSA, and a headless JVM never loads them.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --exclude-files='**/libawt_xawt.so,**/libjawt.so,**/libjsound.so,**/libsplashscreen.so' --output "$out/opt/java"

# What the JVM loads, what a dynamically linked shell needs, and what the embedded PostgreSQL's binaries need beyond
# the libraries they bring (libstdc++ and libgcc_s for its ICU).
needed=$( { find "$out/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -exec ldd {} \; 2>/dev/null; ldd /bin/sh; } \
  | awk -v out="$out" '$2 == "=>" && $3 ~ /^\// && index($3, out) != 1 { print $3 } $1 ~ /^\// { print $1 }' | sort -u)
extra=$(for lib in libstdc++.so.6 libgcc_s.so.1; do ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ { print $NF; exit }'; done)
for lib in $needed $extra; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done

mkdir -p "$out/bin" "$out/etc" "$out/tmp" "$out/home/dbsim" "$out/usr/lib/locale"
cp -L /bin/sh "$out/bin/sh"
if [ -d /usr/lib/locale/C.utf8 ]; then
  cp -R /usr/lib/locale/C.utf8 "$out/usr/lib/locale/"
else
  echo "rootfs.sh: this machine has no /usr/lib/locale/C.utf8 (Debian's and Ubuntu's libc-bin install it)" >&2
  exit 1
fi
cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
dbsim:x:1000:1000:dbsim:/home/dbsim:/bin/sh
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
dbsim:x:1000:
GROUP
cat > "$out/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS
