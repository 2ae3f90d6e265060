package org.unionplatform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

    private final ClientAddresses behindIngress = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses direct = new ClientAddresses(List.of());

        assertThat(direct.clientIp(from("198.51.100.4", "203.0.113.9"))).isEqualTo("198.51.100.4");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertThat(behindIngress.clientIp(from("198.51.100.4", "203.0.113.9"))).isEqualTo("198.51.100.4");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        assertThat(behindIngress.clientIp(from("10.1.2.3", "192.0.2.1, 203.0.113.9, 10.4.4.4")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedPeerWithoutHeaderIsItselfTheClient() {
        assertThat(behindIngress.clientIp(from("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void garbageInTheChainStopsAtTheLastAddressVouchedFor() {
        assertThat(behindIngress.clientIp(from("10.1.2.3", "evil.example.com, 10.9.9.9"))).isEqualTo("10.9.9.9");
    }

    @Test
    void ipv6RangesWork() {
        assertThat(behindIngress.clientIp(from("fd00::1", "2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void aTrustedProxyEntryMustBeALiteralAddress() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("ingress.internal")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        var request = MockServerHttpRequest.get("/api/auth/token").remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header(ClientAddresses.FORWARDED_FOR, forwardedFor);
        }
        return request.build();
    }
}
