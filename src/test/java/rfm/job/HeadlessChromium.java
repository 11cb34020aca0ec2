package rfm.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket, the JDK's own client): open a
 * page, watch its console, exceptions, dialogs and network requests, evaluate script, take a screenshot. Started
 * with the network closed: every host name fails to resolve and every request goes to a proxy that does not exist.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    /** The browser to use: $CHROMIUM, else /usr/bin/chromium; null when there is none. */
    static Path find() {
        String named = System.getenv("CHROMIUM");
        Path path = Path.of(named != null && !named.isBlank() ? named : "/usr/bin/chromium");
        return Files.isExecutable(path) ? path : null;
    }

    HeadlessChromium(Path executable, Path profile) throws IOException, InterruptedException {
        process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(), "about:blank").redirectErrorStream(false).start();
        process.getOutputStream().close();
        CompletableFuture<String> browserUrl = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    stderr.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        browserUrl.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                browserUrl.completeExceptionally(e);
            }
            browserUrl.completeExceptionally(new IllegalStateException("Chromium ended before it listened: " + stderr));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            URI browser = URI.create(browserUrl.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            HttpClient http = HttpClient.newHttpClient();
            // the page Chromium opened (about:blank), from its list of targets
            String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String page = null;
            for (JsonNode target : JSON.readTree(list)) {
                if (target.get("type").asString().equals("page")) {
                    page = target.get("webSocketDebuggerUrl").asString();
                }
            }
            if (page == null) {
                throw new IllegalStateException("Chromium shows no page: " + list);
            }
            socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("cannot drive Chromium " + executable + ": " + e + "; its output: " + stderr, e);
        }
    }

    /** Sends a DevTools command and waits for its result. */
    JsonNode send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
        try {
            JsonNode reply = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.get("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + ": " + e.getMessage(), e);
        }
    }

    /** Evaluates a script expression in the page and returns its value (as JSON). */
    JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        return result.at("/result/value");
    }

    /** Waits for the first event that matches. */
    JsonNode await(Predicate<JsonNode> event) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode e : events) {
                if (event.test(e)) {
                    return e;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no such event within " + WAIT + "; events: " + events);
    }

    /** Every event so far with this method. */
    List<JsonNode> events(String method) {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.get("method").asString().equals(method)) {
                list.add(e.get("params"));
            }
        }
        return list;
    }

    /**
     * Stops the browser and every process it started (renderers, zygotes, the crash handler: once the browser
     * is gone they can no longer be found as its children), and waits for them, so that none of them still
     * writes into the profile folder when the test's temporary folder is deleted.
     */
    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        } finally {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : all) {
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                JsonNode json = JSON.readTree(message.toString());
                message.setLength(0);
                if (json.has("id")) {
                    CompletableFuture<JsonNode> waiting = pending.remove(json.get("id").asInt());
                    if (waiting != null) {
                        waiting.complete(json);
                    }
                } else {
                    events.add(json);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
