package io.accesslifecycle.bench;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

/**
 * The SMTP sink Keycloak sends to: GreenMail on 127.0.0.1, optionally with {@code TCP_NODELAY} on the connections it
 * accepts.
 * <p>
 * Why: GreenMail answers {@code EHLO} in two writes ({@code 250-<address>}, then {@code 250 AUTH ...}). With Nagle's
 * algorithm on its socket, the second write waits for the client's acknowledgement of the first, which the client's
 * TCP delays by ~40 ms since it has nothing to send meanwhile. Every message Keycloak sends (one connection per
 * message) then pays ~43 ms in the sink alone (measured here: EHLO 43 ms, every other step under 3 ms). A real MTA
 * answers EHLO in one write; with {@code TCP_NODELAY} GreenMail's second line leaves at once, and the bench measures
 * Keycloak rather than the sink.
 */
final class BenchSink {

    private BenchSink() {}

    static GreenMail smtp(int port, boolean noDelay) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        return noDelay ? new NoDelayGreenMail(setup) : new GreenMail(setup);
    }

    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = super.createServices(config, managers);
            for (ServerSetup setup : config) {
                if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                    services.put(setup.getProtocol(), new NoDelaySmtpServer(setup, managers));
                }
            }
            return services;
        }
    }

    private static final class NoDelaySmtpServer extends SmtpServer {

        NoDelaySmtpServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected void handleClientSocket(Socket socket) throws SocketException {
            socket.setTcpNoDelay(true);
            super.handleClientSocket(socket);
        }
    }
}
