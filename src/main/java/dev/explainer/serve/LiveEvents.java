package dev.explainer.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server-sent events that open pages listen to: {@code ok} (nothing to do), {@code reload}
 * after a good rebuild, {@code errors} (the problems, each with its source line, for the overlay)
 * after a bad one. Each open page holds one stream; a heartbeat every few seconds lets a stream
 * whose browser went away fail and end.
 */
final class LiveEvents {
    private static final int HEARTBEAT_SECONDS = 2;
    private static final String OK = "event: ok\ndata: {}\n\n";
    private static final String RELOAD = "event: reload\ndata: {}\n\n";

    private final ObjectMapper json = new ObjectMapper();
    private final List<LinkedBlockingQueue<String>> clients = new CopyOnWriteArrayList<>();

    /** Tells every open page what the build that made {@code state} means for it. */
    void announce(Snapshot state, boolean first) {
        String event = state.hasErrors() ? errors(state) : first ? OK : RELOAD;
        for (LinkedBlockingQueue<String> client : clients) {
            client.offer(event);
        }
    }

    /** Holds the request open, sending the current state, then every announcement, until the page goes away. */
    void stream(HttpExchange exchange, Snapshot state) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        queue.offer(state.hasErrors() ? errors(state) : OK);
        clients.add(queue);
        OutputStream body = exchange.getResponseBody();
        try {
            while (true) {
                String event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                body.write((event == null ? ": heartbeat\n\n" : event).getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the browser went away (a heartbeat's write fails soon after), or the server is stopping
        } finally {
            clients.remove(queue);
        }
    }

    private String errors(Snapshot state) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Snapshot.Problem problem : state.problems()) {
            Map<String, Object> item = problem.diagnostic().fields();
            item.put("source", problem.sourceLine());
            list.add(item);
        }
        try {
            return "event: errors\ndata: " + json.writeValueAsString(list) + "\n\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
