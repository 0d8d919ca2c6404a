package dev.explainer.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Host} header values the preview answers: the address it listens on (and the name it
 * was given for it), {@code localhost} and loopback addresses, each with the preview's port.
 *
 * <p>Refusing every other name is what defeats DNS rebinding: a page of {@code evil.example} whose
 * name the attacker makes resolve to 127.0.0.1 can reach the preview, but its requests still say
 * {@code Host: evil.example}, and without this check it could read the event stream (file paths
 * and source lines). Only IP literals are compared as addresses: a name is never looked up.
 *
 * @param listening the address the server is bound to; the wildcard means any of this machine's
 * @param givenName the name the address was given by ({@code --bind myhost.lan}), if not a literal
 * @param port      the port the server is bound to
 */
record AllowedHosts(InetAddress listening, Optional<String> givenName, int port) {
    /** {@code name} or {@code [v6]}, then an optional {@code :port}. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+)(?::([0-9]{1,5}))?");
    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");
    private static final int DEFAULT_PORT = 80;

    /**
     * @param requested the address as asked for: its host string is kept as the given name, and
     *                  a wildcard asked as 0.0.0.0 is bound as {@code ::} on dual-stack machines
     * @param bound     the address bound, for its port
     */
    static AllowedHosts of(InetSocketAddress requested, InetSocketAddress bound) {
        String name = requested.getHostString().toLowerCase(Locale.ROOT);
        Optional<String> givenName = literal(name).isPresent() ? Optional.empty() : Optional.of(name);
        return new AllowedHosts(requested.getAddress(), givenName, bound.getPort());
    }

    /** Whether a request with these {@code Host} header values (none, one or more) is answered. */
    boolean accepts(List<String> hostHeaders) {
        return hostHeaders != null && hostHeaders.size() == 1 && accepts(hostHeaders.get(0));
    }

    boolean accepts(String hostHeader) {
        Matcher host = HOST.matcher(hostHeader.trim().toLowerCase(Locale.ROOT));
        if (!host.matches()) {
            return false;
        }
        int requestedPort = host.group(2) == null ? DEFAULT_PORT : Integer.parseInt(host.group(2));
        if (requestedPort != port) {
            return false;
        }
        String name = host.group(1);
        if (name.equals("localhost") || givenName.filter(name::equals).isPresent()) {
            return true;
        }
        return literal(name).filter(this::isOwnAddress).isPresent();
    }

    private boolean isOwnAddress(InetAddress address) {
        if (address.isLoopbackAddress() || address.equals(listening)) {
            return true;
        }
        if (!listening.isAnyLocalAddress()) {
            return false;
        }
        if (address.isAnyLocalAddress()) {
            return true; // http://0.0.0.0:PORT/, as serve prints it, reaches this machine
        }
        try {
            // Asked per request: the machine's addresses may change while the preview runs.
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The address an IP literal ({@code 1.2.3.4} or {@code [::1]}) names; empty for a name. */
    private static Optional<InetAddress> literal(String host) {
        try {
            Matcher v4 = IPV4.matcher(host);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(v4.group(i + 1));
                    if (part > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) part;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // A bracketed or colon-holding string is parsed as an IPv6 literal, never looked up.
            if (host.contains(":")) {
                String bracketed = host.startsWith("[") ? host : "[" + host + "]";
                return Optional.of(InetAddress.getByName(bracketed));
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Why a request was refused, for the 403 body: where the preview does answer. */
    String refusal() {
        String where;
        if (listening.isAnyLocalAddress()) {
            where = "at this machine's IP addresses or localhost, port " + port;
        } else {
            String own = givenName.orElseGet(() -> urlHost(listening));
            where = "at http://" + own + ":" + port + "/"
                    + (listening.isLoopbackAddress() && !own.equals("localhost") ? " or http://localhost:" + port + "/" : "");
        }
        return "Forbidden: this preview answers only " + where + ", so that pages of other sites cannot read it.\n";
    }

    static String urlHost(InetAddress address) {
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
