package io.hussh.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.hussh.sftp.TransferStatus;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code hussh} dev console: for each endpoint, its totals and the transfers running now, with where each stands.
 */
@DevConsole(name = "hussh", displayName = "Hussh SFTP", description = "Transfers of the hussh endpoints: running now"
                                                                    + " and totals")
public class HusshDevConsole extends AbstractDevConsole {

    private static final double MIB = 1024.0 * 1024.0;

    public HusshDevConsole() {
        super("camel", "hussh", "Hussh SFTP", "Transfers of the hussh endpoints: running now and totals");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (HusshEndpoint endpoint : endpoints()) {
            TransferCounters counters = endpoint.counters();
            text.append(String.format(Locale.ROOT, "%s%n    Files: %d transferred, %d failed; %.1f MiB moved, %.1f MiB"
                                                   + " saved by resume, %d reconnects%n",
                    uri(endpoint), counters.files(), counters.failures(), counters.bytes() / MIB,
                    counters.savedByResume() / MIB, counters.reconnects()));
            List<TransferStatus> active = endpoint.activeTransfers();
            text.append(String.format(Locale.ROOT, "    Running: %d%n", active.size()));
            for (TransferStatus status : active) {
                long left = status.secondsLeft();
                text.append(String.format(Locale.ROOT, "        %s %s: %.1f of %s MiB at %.1f MiB/s, %s, resumed from"
                                                       + " %.1f MiB, %d reconnects, %d streams%n",
                        status.upload() ? "upload" : "download", status.remotePath(), status.position() / MIB,
                        status.total() < 0 ? "?" : String.format(Locale.ROOT, "%.1f", status.total() / MIB),
                        status.bytesPerSecond() / MIB, left < 0 ? "time left unknown" : left + " s left",
                        status.resumedFrom() / MIB, status.reconnects(), status.streams()));
            }
        }
        return text.toString();
    }

    @Override
    protected JsonObject doCallJson(Map<String, Object> options) {
        JsonArray list = new JsonArray();
        for (HusshEndpoint endpoint : endpoints()) {
            TransferCounters counters = endpoint.counters();
            JsonObject json = new JsonObject();
            json.put("uri", uri(endpoint));
            json.put("filesTransferred", counters.files());
            json.put("failedTransfers", counters.failures());
            json.put("bytesTransferred", counters.bytes());
            json.put("bytesSavedByResume", counters.savedByResume());
            json.put("reconnects", counters.reconnects());
            JsonArray active = new JsonArray();
            for (TransferStatus status : endpoint.activeTransfers()) {
                active.add(json(status));
            }
            json.put("active", active);
            list.add(json);
        }
        JsonObject root = new JsonObject();
        root.put("endpoints", list);
        return root;
    }

    private static JsonObject json(TransferStatus status) {
        JsonObject json = new JsonObject();
        json.put("remotePath", status.remotePath());
        json.put("direction", status.upload() ? "upload" : "download");
        json.put("bytesDone", status.position());
        json.put("bytesTotal", status.total());
        json.put("bytesPerSecond", Math.round(status.bytesPerSecond()));
        json.put("secondsLeft", status.secondsLeft());
        json.put("resumedFrom", status.resumedFrom());
        json.put("reconnects", status.reconnects());
        json.put("streams", status.streams());
        return json;
    }

    private List<HusshEndpoint> endpoints() {
        List<HusshEndpoint> endpoints = new ArrayList<>();
        getCamelContext().getEndpoints().forEach(endpoint -> {
            if (endpoint instanceof HusshEndpoint hussh) {
                endpoints.add(hussh);
            }
        });
        return endpoints;
    }

    private static String uri(HusshEndpoint endpoint) {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }
}
