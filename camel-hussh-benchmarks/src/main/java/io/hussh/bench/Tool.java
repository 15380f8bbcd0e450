package io.hussh.bench;

import org.apache.camel.CamelContext;

/** The clients compared, each with the options of its row in the report. */
enum Tool {

    HUSSH("hussh"),
    HUSSH_ATOMIC_RESUME("hussh atomic+resume"),
    CAMEL_SFTP("camel-sftp"),
    CAMEL_SFTP_TEMP("camel-sftp tempFileName"),
    OPENSSH("OpenSSH sftp");

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    boolean isHussh() {
        return this == HUSSH || this == HUSSH_ATOMIC_RESUME;
    }

    boolean isCamelSftp() {
        return this == CAMEL_SFTP || this == CAMEL_SFTP_TEMP;
    }

    /**
     * A client for this tool.
     *
     * @param options     more endpoint options for the Camel tools, each starting with {@code &}
     * @param redeliveries Camel redeliveries of a failed upload (camel-ftp has no reconnect of its own)
     */
    SftpClient open(CamelContext context, Target target, String options, int redeliveries) {
        String password = "password=RAW(" + target.password() + ")";
        return switch (this) {
            case HUSSH, HUSSH_ATOMIC_RESUME -> new CamelClient(context,
                    "hussh:" + target.user() + "@127.0.0.1:" + target.port() + "%s?" + password
                    + "&knownHostsFile=" + target.knownHosts()
                    + (this == HUSSH_ATOMIC_RESUME ? "&atomic=true&resume=true" : "") + options,
                    "&localDirectory=%s", redeliveries);
            // camel-ftp takes every path as relative to the login directory, where BenchServer links data to /data
            case CAMEL_SFTP, CAMEL_SFTP_TEMP -> new CamelClient(context,
                    "sftp://" + target.user() + "@127.0.0.1:" + target.port() + "%s?" + password
                    + "&knownHostsFile=" + target.knownHosts() + "&strictHostKeyChecking=yes"
                    + "&useUserKnownHostsFile=false"
                    + (this == CAMEL_SFTP_TEMP ? "&tempFileName=${file:name}.inprogress" : "") + options,
                    // streams to a local file instead of reading the whole file into memory
                    "&noop=true&localWorkDirectory=%s", redeliveries);
            case OPENSSH -> new OpenSshClient(target);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
