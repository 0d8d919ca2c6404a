package dev.explainer.cli;

import dev.explainer.serve.PreviewServer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Builds the site into memory, serves it, and rebuilds after every save.",
                "Open pages reload by themselves and show build errors until they are fixed.",
                "Never writes the committed site/ folder."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "the port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "the address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String bind;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind '" + bind + "' is not an address of this machine");
        }
        PreviewServer server = new PreviewServer(common.sourceDir(), common.drafts, common.strict,
                spec.commandLine().getOut(), spec.commandLine().getErr()).verbose(common.verbose);
        InetSocketAddress bound;
        try {
            bound = server.start(new InetSocketAddress(address, port));
        } catch (BindException e) {
            server.close();
            spec.commandLine().getErr().println("explainer: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another port with --port, or --port 0 for any free one");
            return Main.EXIT_ERRORS;
        }
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        spec.commandLine().getOut().println("Serving http://" + host + ":" + bound.getPort()
                + "/ and watching content/ and templates/ (Ctrl+C to stop)");
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
