package dev.explainer.cli;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code serve} as typed in a terminal: where it listens and what it says about it. */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("Serving http://(\\S+):(\\d+)/ ");

    @TempDir
    Path root;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A running {@code serve}, stopped by interrupting the thread it runs on. */
    private record Running(Thread thread, AtomicInteger exitCode, String host, int port) {
    }

    private Running serve(String... options) throws InterruptedException {
        TestSite.write(root, TestSite.BASE);
        String[] args = new String[options.length + 5];
        System.arraycopy(new String[] {"serve", "--source", root.toString(), "--port", "0"}, 0, args, 0, 5);
        System.arraycopy(options, 0, args, 5, options.length);
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread thread = new Thread(() -> exitCode.set(Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true))));
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && thread.isAlive()) {
            Matcher serving = SERVING.matcher(out.toString());
            if (serving.find()) {
                return new Running(thread, exitCode, serving.group(1), Integer.parseInt(serving.group(2)));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve did not start; out:\n" + out + "\nerr:\n" + err);
    }

    private void stop(Running serve) throws InterruptedException {
        serve.thread().interrupt();
        serve.thread().join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(serve.thread().isAlive());
        assertEquals(0, serve.exitCode().get(), err.toString());
    }

    private int status(String host, int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/")).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void listensOnThisMachineOnlyByDefaultAndSaysNothingMore() throws Exception {
        Running serve = serve();
        try {
            assertEquals("127.0.0.1", serve.host());
            assertEquals(200, status("127.0.0.1", serve.port()));
            assertFalse(err.toString().contains("warning"), err.toString());
            // What another machine on the network would try: this machine's own address. Nothing listens there.
            Optional<InetAddress> lan = ownNonLoopbackAddress();
            assumeTrue(lan.isPresent(), "this machine has no address but loopback to try the preview at");
            assertThrows(ConnectException.class, () -> new Socket(lan.get(), serve.port()).close(),
                    "the preview is reachable at " + lan.get().getHostAddress());
        } finally {
            stop(serve);
        }
    }

    private static Optional<InetAddress> ownNonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
    }

    @Test
    void warnsThatANonLoopbackAddressLetsOthersOnTheNetworkIn() throws Exception {
        Running serve = serve("--bind", "0.0.0.0");
        try {
            assertEquals("explainer: warning: listening on 0.0.0.0, which is not a loopback address: anyone who can reach"
                    + " this machine over the network can open the preview, its pages and its build errors (file paths and"
                    + " source lines). Leave out --bind to keep it to this machine.\n", err.toString().replace("\r\n", "\n"));
            assertEquals("0.0.0.0", serve.host());
            assertEquals(200, status("0.0.0.0", serve.port()), "the address printed");
            assertEquals(200, status("127.0.0.1", serve.port()));
            Optional<InetAddress> lan = ownNonLoopbackAddress();
            if (lan.isPresent()) {
                assertEquals(200, status(lan.get().getHostAddress(), serve.port()), "the address others reach it by: " + lan.get());
            }
        } finally {
            stop(serve);
        }
    }
}
