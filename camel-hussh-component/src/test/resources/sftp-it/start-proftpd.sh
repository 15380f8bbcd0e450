#!/bin/sh
# Starts ProFTPD with mod_sftp on 127.0.0.1:$1 for user hussh (password login), then keeps the container alive so
# that the server process itself can be killed and restarted by the tests.
set -e
port="$1"
id hussh >/dev/null 2>&1 || useradd -m -u 1000 -s /bin/sh hussh
echo "hussh:$HUSSH_PASSWORD" | chpasswd
[ -f /it/host_key ] || ssh-keygen -q -t rsa -b 3072 -m PEM -N '' -f /it/host_key
cp /it/host_key.pub /it/host_key.pub.tmp && mv /it/host_key.pub.tmp /it/host_key.pub
cat > /it/proftpd.conf <<CONFIG
ServerName "hussh-it"
ServerType standalone
DefaultServer on
Port $port
DefaultAddress 127.0.0.1
SocketBindTight on
UseIPv6 off
User nobody
Group nogroup
PidFile /it/proftpd.pid
ScoreboardFile /it/proftpd.scoreboard
DelayTable none
WtmpLog off
UseReverseDNS off
RequireValidShell off
AllowOverwrite on
SystemLog /it/proftpd.log
ModulePath /usr/lib/proftpd
LoadModule mod_sftp.c
SFTPEngine on
SFTPLog /it/sftp.log
SFTPHostKey /it/host_key
SFTPAuthMethods password
AuthOrder mod_auth_unix.c
CONFIG
/usr/sbin/proftpd -c /it/proftpd.conf
echo "hussh: sftp server listening on $port"
exec sleep infinity
