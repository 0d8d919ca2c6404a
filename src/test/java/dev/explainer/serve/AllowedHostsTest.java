package dev.explainer.serve;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Host headers the preview answers, for each kind of address it can listen on. */
class AllowedHostsTest {
    private static AllowedHosts listeningOn(InetAddress requested, int port) {
        return AllowedHosts.of(new InetSocketAddress(requested, port), new InetSocketAddress(requested, port));
    }

    @Test
    void onALoopbackAddressItAnswersLoopbackNamesAndAddressesWithItsPort() throws Exception {
        AllowedHosts hosts = listeningOn(InetAddress.getByName("127.0.0.1"), 8080);
        for (String host : List.of("127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080", "[0:0:0:0:0:0:0:1]:8080",
                "127.1.2.3:8080", "[::ffff:127.0.0.1]:8080", " localhost:8080 ")) {
            assertTrue(hosts.accepts(host), host);
        }
        for (String host : List.of("evil.example:8080", "127.0.0.1", "127.0.0.1:80", "localhost:08081", "localhost.:8080",
                "a.localhost:8080", "127.0.0.1.evil.example:8080", "127.0.0.256:8080", "::1:8080", "[::1", "[evil]:8080",
                "10.0.0.1:8080", "", ":8080")) {
            assertFalse(hosts.accepts(host), host);
        }
        assertFalse(hosts.accepts(List.of()), "no Host header");
        assertFalse(hosts.accepts(List.of("localhost:8080", "evil.example:8080")), "two Host headers");
        assertEquals("Forbidden: this preview answers only at http://127.0.0.1:8080/ or http://localhost:8080/,"
                + " so that pages of other sites cannot read it.\n", hosts.refusal());
    }

    @Test
    void port80MayBeLeftOut() throws Exception {
        AllowedHosts hosts = listeningOn(InetAddress.getByName("127.0.0.1"), 80);
        assertTrue(hosts.accepts("localhost"));
        assertTrue(hosts.accepts("127.0.0.1:80"));
        assertFalse(hosts.accepts("localhost:8080"));
    }

    @Test
    void onAnAddressGivenByNameItAnswersThatNameAndThatAddress() throws Exception {
        InetAddress lan = InetAddress.getByAddress("preview.lan", new byte[] {(byte) 192, (byte) 168, 1, 5});
        AllowedHosts hosts = listeningOn(lan, 8080);
        assertTrue(hosts.accepts("preview.lan:8080"));
        assertTrue(hosts.accepts("Preview.LAN:8080"));
        assertTrue(hosts.accepts("192.168.1.5:8080"));
        assertFalse(hosts.accepts("192.168.1.6:8080"));
        assertFalse(hosts.accepts("other.lan:8080"));
        assertEquals("Forbidden: this preview answers only at http://preview.lan:8080/,"
                + " so that pages of other sites cannot read it.\n", hosts.refusal());
    }

    @Test
    void onAnIpv6AddressItAnswersItInBrackets() throws Exception {
        AllowedHosts hosts = listeningOn(InetAddress.getByName("fd00::5"), 8080);
        assertTrue(hosts.accepts("[fd00::5]:8080"));
        assertTrue(hosts.accepts("[FD00:0:0:0:0:0:0:5]:8080"));
        assertFalse(hosts.accepts("[fd00::6]:8080"));
        assertEquals("Forbidden: this preview answers only at http://[fd00:0:0:0:0:0:0:5]:8080/,"
                + " so that pages of other sites cannot read it.\n", hosts.refusal());
    }

    @Test
    void onTheWildcardAddressItAnswersEveryAddressOfThisMachineButNoName() throws Exception {
        // A dual-stack machine binds the wildcard 0.0.0.0 as ::.
        AllowedHosts hosts = AllowedHosts.of(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0),
                new InetSocketAddress(InetAddress.getByName("::"), 8080));
        assertTrue(hosts.accepts("0.0.0.0:8080"), "the address serve prints");
        assertTrue(hosts.accepts("[::]:8080"));
        assertFalse(hosts.accepts("0.0.0.0:8081"));
        assertTrue(hosts.accepts("127.0.0.1:8080"));
        assertTrue(hosts.accepts("localhost:8080"));
        assertFalse(hosts.accepts("198.51.100.77:8080"), "a documentation address, on no machine");
        assertFalse(hosts.accepts("evil.example:8080"));
        Optional<InetAddress> own = ownNonLoopbackAddress();
        own.ifPresent(address -> assertTrue(hosts.accepts(address.getHostAddress() + ":8080"), address.toString()));
        assertEquals("Forbidden: this preview answers only at this machine's IP addresses or localhost, port 8080,"
                + " so that pages of other sites cannot read it.\n", hosts.refusal());
    }

    static Optional<InetAddress> ownNonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
    }
}
