package dev.perpflow.exchange.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.net.ProxyEndpoint.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyEndpointParsingTest {

    @Test
    void parsesASocks5UrlWithCredentials() {
        ProxyEndpoint proxy = ProxyEndpoint.parse("eu-1", "socks5://alice:s3cr3t@Proxy.Example.com:1080");

        assertThat(proxy.protocol()).isEqualTo(Protocol.SOCKS5);
        assertThat(proxy.host()).isEqualTo("proxy.example.com");
        assertThat(proxy.port()).isEqualTo(1080);
        assertThat(proxy.username()).contains("alice");
        assertThat(proxy.password()).map(Secret::reveal).contains("s3cr3t");
    }

    @Test
    void parsesAnHttpUrlWithoutCredentialsAndSocks5hAsSocks5() {
        ProxyEndpoint http = ProxyEndpoint.parse("us", "http://10.0.0.5:3128/");
        ProxyEndpoint socks = ProxyEndpoint.parse("jp", "socks5h://[::1]:9050");

        assertThat(http.protocol()).isEqualTo(Protocol.HTTP);
        assertThat(http.hasCredentials()).isFalse();
        assertThat(http.maskedUrl()).isEqualTo("http://10.0.0.5:3128");
        assertThat(socks.protocol()).isEqualTo(Protocol.SOCKS5);
        assertThat(socks.host()).isEqualTo("::1");
        assertThat(socks.maskedUrl()).isEqualTo("socks5://[::1]:9050");
    }

    @Test
    void decodesPercentEncodedCredentialsAndKeepsPlusLiteral() {
        ProxyEndpoint proxy = ProxyEndpoint.parse("eu-1", "http://user%40corp:p%3Ass%40w+rd@host:8080");

        assertThat(proxy.username()).contains("user@corp");
        assertThat(proxy.password()).map(Secret::reveal).contains("p:ss@w+rd");
    }

    @Test
    void masksThePasswordInMaskedUrlToStringAndDescribe() {
        ProxyEndpoint proxy = ProxyEndpoint.parse("eu-1", "socks5://alice:s3cr3t@host:1080");

        assertThat(proxy.maskedUrl()).isEqualTo("socks5://alice:***@host:1080");
        assertThat(proxy.toString()).contains("socks5://alice:***@host:1080").doesNotContain("s3cr3t");
        assertThat(proxy.describe()).isEqualTo("eu-1 (socks5://alice:***@host:1080)");
        assertThat(new ProxyAssignment(proxy, 1, ProxyStatus.ACTIVE).toString()).doesNotContain("s3cr3t");
    }

    @Test
    void equalEndpointsCompareTheirPasswords() {
        ProxyEndpoint one = ProxyEndpoint.parse("eu-1", "socks5://alice:s3cr3t@host:1080");

        assertThat(one).isEqualTo(ProxyEndpoint.parse("eu-1", "socks5://alice:s3cr3t@host:1080"));
        assertThat(one).isNotEqualTo(ProxyEndpoint.parse("eu-1", "socks5://alice:other@host:1080"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"socks5://alice:s3cr3t@host", "https://alice:s3cr3t@host:443", "alice:s3cr3t@host:1080",
            "socks5://alice:s3cr3t@host:1080/path", "socks5://alice:s3cr3t@host:99999", "socks5://alice:s3cr3t@:1080",
            "socks5://alice:s3cr3t@ho st:1080", "socks5://alice:s3cr3t%zz@host:1080", "socks5://alice:@host:1080",
            "socks4://alice:s3cr3t@host:1080", "http://alice:s3cr3t@host:8080?x=1"})
    void refusesBadUrlsWithoutEchoingThePassword(String url) {
        assertThatThrownBy(() -> ProxyEndpoint.parse("eu-1", url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eu-1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> ProxyEndpoint.parse("a", "socks5://host")).hasMessageContaining("needs a port");
        assertThatThrownBy(() -> ProxyEndpoint.parse("a", "https://host:443"))
                .hasMessageContaining("scheme 'https' is not supported");
        assertThatThrownBy(() -> ProxyEndpoint.parse("a", "host:1080")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> ProxyEndpoint.parse("a", "http://alice@host:8080"))
                .hasMessageContaining("user:password");
        assertThatThrownBy(() -> ProxyEndpoint.parse("a", "http://a:b@c@host:8080"))
                .hasMessageContaining("http://a:***@host:8080");
    }

    @Test
    void refusesSocks5CredentialsLongerThanRfc1929Allows() {
        ProxyEndpoint proxy = ProxyEndpoint.of("a", Protocol.SOCKS5, "host", 1080);
        assertThatThrownBy(() -> proxy.withCredentials("u", Secret.of("x".repeat(256))))
                .hasMessageContaining("255 bytes");
        assertThat(ProxyEndpoint.of("a", Protocol.HTTP, "host", 80).withCredentials("u", Secret.of("x".repeat(256)))
                .hasCredentials()).isTrue();
    }
}
