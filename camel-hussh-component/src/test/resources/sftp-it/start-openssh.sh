#!/bin/sh
# Starts OpenSSH's sshd (with sftp-server) on 127.0.0.1:$1 for user hussh, then keeps the container alive so that
# the server process itself can be killed and restarted by the tests.
set -e
port="$1"
id hussh >/dev/null 2>&1 || useradd -m -u 1000 -s /bin/sh hussh
echo "hussh:$HUSSH_PASSWORD" | chpasswd
mkdir -p /run/sshd
ssh-keygen -A >/dev/null
cat > /it/sshd_config <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey /etc/ssh/ssh_host_ed25519_key
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
PidFile /run/sshd.pid
Subsystem sftp /usr/lib/openssh/sftp-server
CONFIG
cp /etc/ssh/ssh_host_ed25519_key.pub /it/host_key.pub
/usr/sbin/sshd -f /it/sshd_config -E /it/sshd.log
echo "hussh: sftp server listening on $port"
exec sleep infinity
