package io.dbsim.db;

import org.postgresql.Driver;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Properties;

/**
 * pgjdbc's sockets for a run's pool: sockets whose untimed reads are one blocking read in the kernel.
 *
 * <p>Why: the JDK's default socket switches to non-blocking mode for good at its first connect or read with a timeout,
 * and pgjdbc (connect timeout, SSL request) and HikariCP (validation under a network timeout) make such calls on
 * every new connection. From then on each read of a reply is read (EAGAIN), poll, read. A socket channel's adaptor
 * puts the channel back in blocking mode after each timed operation, so a reply costs one read. On this project's
 * two-core machine, shared with PostgreSQL, pgbench's select-only through dbsim took 4% to 11% less client CPU per
 * transaction in alternating pairs (docs/measurements.md).
 *
 * <p>Timed reads cost more on a channel (it switches modes twice per read), so a pool whose every read has a timeout
 * ({@code socketTimeout}) keeps the JDK's socket; so does a pool given a socket factory of its own.
 */
public final class BlockingSocketFactory extends SocketFactory {

    static final String PROPERTY = "socketFactory";

    /** Whether a pool with these data source properties and URL should get this factory. */
    public static boolean suits(String jdbcUrl, Properties dataSourceProperties) {
        Properties fromUrl = jdbcUrl == null ? null : Driver.parseURL(jdbcUrl, null);
        return !setIn(fromUrl, PROPERTY) && !setIn(dataSourceProperties, PROPERTY)
                && !timed(fromUrl) && !timed(dataSourceProperties);
    }

    /** The data source property that makes pgjdbc open its sockets here. */
    public static void install(Properties dataSourceProperties) {
        dataSourceProperties.setProperty(PROPERTY, BlockingSocketFactory.class.getName());
    }

    private static boolean setIn(Properties props, String name) {
        return props != null && props.getProperty(name) != null && !props.getProperty(name).isBlank();
    }

    private static boolean timed(Properties props) {
        if (!setIn(props, "socketTimeout")) {
            return false;
        }
        try {
            return Integer.parseInt(props.getProperty("socketTimeout").trim()) > 0;
        } catch (NumberFormatException e) {
            return true;  // pgjdbc will refuse it; the JDK's socket is what it would have had
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        return SocketChannel.open().socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
