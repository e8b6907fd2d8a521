package org.supportintake.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.web.WebForm;

class ForwardedClientTest {

    @TempDir
    Path files;

    private EdgeServer edge;

    @AfterEach
    void stop() throws Exception {
        edge.close();
    }

    /** Answers with the client as the servlets see it. */
    static final class Echo extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write("client=" + request.getRemoteAddr() + " secure=" + request.isSecure()
                    + " scheme=" + request.getScheme());
        }
    }

    private void start(String trusted, int lookupsPerAddress) {
        edge = new EdgeServer(files, new HttpServer.Edge(Duration.ofSeconds(20), 1024, 10,
                TrustedProxies.parse(trusted), false),
                new WebForm.Limits(AttachmentPolicy.form(), 30 * EdgeServer.MB, 1000, 1000, lookupsPerAddress),
                Map.of("/echo", new Echo()));
    }

    private String echo(String from, String... headers) throws IOException {
        return EdgeServer.body(edge.get(from, "/echo", headers));
    }

    @Test
    void forwardedHeadersFromAPeerNotTrustedAreIgnored() throws Exception {
        start("10.0.0.0/8", 1000);

        assertThat(echo("127.0.0.1", "X-Forwarded-For: 203.0.113.7", "X-Forwarded-Proto: https"))
                .isEqualTo("client=127.0.0.1 secure=false scheme=http");
        assertThat(echo("127.0.0.1", "Forwarded: for=203.0.113.7;proto=https"))
                .isEqualTo("client=127.0.0.1 secure=false scheme=http");
    }

    @Test
    void trustedProxyNamesTheRightmostAddressThatIsNotAProxy() throws Exception {
        start("127.0.0.0/8, fd00::/8", 1000);

        // The client wrote the leftmost value itself; the proxy appended what it saw.
        assertThat(echo("127.0.0.1", "X-Forwarded-For: 6.6.6.6, 203.0.113.7", "X-Forwarded-Proto: https"))
                .isEqualTo("client=203.0.113.7 secure=true scheme=https");
        assertThat(echo("127.0.0.1", "X-Forwarded-For: 6.6.6.6", "X-Forwarded-For: 203.0.113.8, 127.0.0.9"))
                .startsWith("client=203.0.113.8 ");
        assertThat(echo("127.0.0.1", "Forwarded: for=6.6.6.6, for=\"[2001:db8::17]:4711\";proto=https, for=\"[fd00::2]\""))
                .isEqualTo("client=[2001:db8:0:0:0:0:0:17] secure=true scheme=https");
    }

    @Test
    void clientsBehindATrustedProxyHaveRateLimitsOfTheirOwn() throws Exception {
        start("127.0.0.1", 1);

        assertThat(EdgeServer.status(lookUp("127.0.0.1", "X-Forwarded-For: 203.0.113.1"))).isEqualTo(200);
        assertThat(EdgeServer.status(lookUp("127.0.0.1", "X-Forwarded-For: 203.0.113.2"))).isEqualTo(200);
        assertThat(EdgeServer.status(lookUp("127.0.0.1", "X-Forwarded-For: 203.0.113.1"))).isEqualTo(429);
        // A spoofed header from a peer not trusted does not get it a fresh allowance.
        assertThat(EdgeServer.status(lookUp("127.0.0.2", "X-Forwarded-For: 203.0.113.3"))).isEqualTo(200);
        assertThat(EdgeServer.status(lookUp("127.0.0.2", "X-Forwarded-For: 203.0.113.4"))).isEqualTo(429);
    }

    @Test
    void anIpv6ClientIsItsSlash64SoRotatingAddressesInItGetsNoFreshAllowance() throws Exception {
        start("127.0.0.1", 2);

        // One subscriber's /64 holds 2^64 addresses: counted one by one, each would be a new allowance.
        assertThat(EdgeServer.status(lookUp("127.0.0.1", "X-Forwarded-For: 2001:db8:1:2::1"))).isEqualTo(200);
        assertThat(EdgeServer.status(lookUp("127.0.0.1", "X-Forwarded-For: 2001:db8:1:2:aaaa::2"))).isEqualTo(200);
        assertThat(EdgeServer.status(lookUp("127.0.0.1", "X-Forwarded-For: 2001:db8:1:2:ffff:ffff:ffff:3"))).isEqualTo(429);
        assertThat(EdgeServer.status(lookUp("127.0.0.1", "Forwarded: for=\"[2001:db8:1:2::4]\""))).isEqualTo(429);
        // Another /64 is another client, and IPv4 addresses are still counted one by one.
        assertThat(EdgeServer.status(lookUp("127.0.0.1", "X-Forwarded-For: 2001:db8:1:3::1"))).isEqualTo(200);
        assertThat(EdgeServer.status(lookUp("127.0.0.1", "X-Forwarded-For: 203.0.113.1"))).isEqualTo(200);
        assertThat(EdgeServer.status(lookUp("127.0.0.1", "X-Forwarded-For: 203.0.113.2"))).isEqualTo(200);
    }

    private String lookUp(String from, String header) throws IOException {
        String page = edge.get(from, "/status", header);
        String cookie = page.replaceAll("(?s).*Set-Cookie: (intake_csrf=[0-9a-f]+).*", "$1");
        String token = cookie.substring("intake_csrf=".length());
        String form = "csrfToken=" + token + "&ticketNumber=26-0000001-4&email=a%40b.ru";
        return edge.send(from, "POST /status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + header
                + "\r\nCookie: " + cookie + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + form.length() + "\r\n\r\n" + form);
    }
}
