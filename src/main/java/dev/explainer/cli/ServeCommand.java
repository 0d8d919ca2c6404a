package dev.explainer.cli;

import dev.explainer.serve.PreviewServer;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the live preview. */
final class ServeCommand extends Command {
    ServeCommand() {
        super("serve", List.of("Builds the site into memory, serves it, and rebuilds after every save.",
                "Open pages reload by themselves and show build errors until they are fixed.",
                "Never writes the committed site/ folder."),
                List.of());
    }

    @Override
    Options options() {
        return CommonOptions.add(new Options())
                .addOption(CommonOptions.valued("port", "N", "the port to listen on; 0 picks a free one (default: 8080)"))
                .addOption(CommonOptions.valued("bind", "ADDR", "the address to listen on (default: 127.0.0.1, this machine only)"));
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws UsageError, IOException, InterruptedException {
        CommonOptions common = new CommonOptions(line);
        int port;
        try {
            port = Integer.parseInt(line.getOptionValue("port", "8080"));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be a number between 0 and 65535");
        }
        String bind = line.getOptionValue("bind", "127.0.0.1");
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageError("--bind '" + bind + "' is not an address of this machine");
        }
        PreviewServer server = new PreviewServer(common.sourceDir(), common.drafts, common.strict, out, err).verbose(common.verbose);
        InetSocketAddress bound;
        try {
            bound = server.start(new InetSocketAddress(address, port));
        } catch (BindException e) {
            server.close();
            err.println("explainer: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another port with --port, or --port 0 for any free one");
            return Main.EXIT_ERRORS;
        }
        // The address as asked for: a wildcard is bound as "::" on dual-stack machines.
        String host = address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        if (!address.isLoopbackAddress()) {
            err.println(exposureWarning(host));
            err.flush();
        }
        out.println("Serving http://" + host + ":" + bound.getPort() + "/ and watching content/ and templates/ (Ctrl+C to stop)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onExit = new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped by whoever runs the command in-process (the tests), not by Ctrl+C.
            Runtime.getRuntime().removeShutdownHook(onExit);
            server.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Said when the preview listens where other machines can reach it. */
    private static String exposureWarning(String host) {
        return "explainer: warning: listening on " + host + ", which is not a loopback address: anyone who can reach"
                + " this machine over the network can open the preview, its pages and its build errors (file paths and"
                + " source lines). Leave out --bind to keep it to this machine.";
    }
}
