#!/bin/sh
# HTTPS tested, not assumed: a TLS server on 127.0.0.1 (tests/http_server.py --tls) with
# certificates from a test CA made here with openssl.  fetch succeeds when the CA is trusted
# (--cacert FILE, or the config key cacert) and refuses, in one line naming the problem (exit 76),
# a certificate it cannot trust, one that has expired and one for another host.  Nothing here
# reaches the internet.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
last_pid=""
export PLANNER_FETCH_TIMEOUT=10
pki=$tmp/pki
mkdir -p "$pki" "$tmp/srv"
cp "$top/tests/data/mini.json" "$tmp/srv/mini.json"

# The test CA, and three server certificates it signs: good for 127.0.0.1, expired, and for
# another host.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$pki/ca.key" -out "$pki/ca.pem" -days 2 \
	-subj "/CN=planner test CA" >/dev/null 2>&1
cat >"$pki/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
dir = $pki
database = $pki/index.txt
new_certs_dir = $pki
serial = $pki/serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[any]
commonName = supplied
CNF
: >"$pki/index.txt"
echo 1000 >"$pki/serial"
# cert NAME SAN [CA OPTIONS...]: a key and a certificate signed by the test CA.
cert() {
	name=$1 san=$2
	shift 2
	openssl req -newkey rsa:2048 -nodes -keyout "$pki/$name.key" -out "$pki/$name.csr" \
		-subj "/CN=$name" -addext "subjectAltName=$san" >/dev/null 2>&1 &&
	openssl ca -batch -config "$pki/ca.cnf" -cert "$pki/ca.pem" -keyfile "$pki/ca.key" \
		-in "$pki/$name.csr" -out "$pki/$name.pem" -notext "$@" >/dev/null 2>&1
}
cert good "IP:127.0.0.1" -days 2
cert expired "IP:127.0.0.1" -startdate 20200101000000Z -enddate 20200102000000Z
cert other "DNS:schedule.example.org" -days 2
[ -s "$pki/good.pem" ] && [ -s "$pki/expired.pem" ] && [ -s "$pki/other.pem" ]
ok $? "a test CA and three server certificates" || { done_testing; exit 1; }

# serve NAME: a TLS server with certificate NAME; sets $port.
serve() {
	[ -z "$last_pid" ] || kill "$last_pid" 2>/dev/null
	start_server "$tmp/port" --root "$tmp/srv" --tls "$pki/$1.pem" "$pki/$1.key"
}

serve good
U="https://127.0.0.1:$port/feed/mini.json"
run fetch "$U"
expect_rc 76 "https with a certificate from a CA nobody trusts"
expect_err_match "^planner: fetch $U: TLS failure: .*(certificate|issuer)" "... is refused in one line, naming the certificate"
[ ! -e "$tmp/cache/planner/minicon" ]; ok $? "... and nothing is cached"
run fetch --cacert "$pki/ca.pem" "$U"
expect_rc 0 "--cacert the test CA: fetched over https"
expect_out_match "^fetched minicon: MiniCon 2025" "... the timetable is stored"
run fetch --cacert "$tmp/nosuch.pem" "$U"
expect_rc 66 "--cacert a file that is not there"
expect_err_match "^planner: --cacert '.*nosuch\.pem': No such file or directory$" "... one line"
mkdir -p "$tmp/config/planner"
echo "cacert = $pki/ca.pem" >"$tmp/config/planner/config"
run fetch --refresh minicon
expect_rc 0 "the config key cacert: fetched again over https"
rm -r "$tmp/cache/planner/minicon"
run -s "$U" list
expect_rc 0 "-s URL, its first use fetching it: the config key cacert is trusted too"
expect_out_match "^MiniCon 2025" "... and the timetable is listed"
rm "$tmp/config/planner/config"
rm -r "$tmp/cache/planner/minicon"
run -s "$U" list
expect_rc 76 "-s URL with no cacert configured: refused like fetch"

serve expired
U="https://127.0.0.1:$port/feed/mini.json"
run fetch --cacert "$pki/ca.pem" --name expired "$U"
expect_rc 76 "a certificate that has expired"
expect_err_match "^planner: fetch $U: TLS failure: .*expired" "... says so"

serve other
U="https://127.0.0.1:$port/feed/mini.json"
run fetch --cacert "$pki/ca.pem" --name other "$U"
expect_rc 76 "a certificate for another host"
expect_err_match "^planner: fetch $U: TLS failure: .*(host name|subject name)" "... says so"
[ "$(wc -l <"$tmp/err")" -eq 1 ]; ok $? "... in one line"
done_testing
