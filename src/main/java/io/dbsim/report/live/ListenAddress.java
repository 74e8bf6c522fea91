package io.dbsim.report.live;

import io.dbsim.UsageException;
import io.dbsim.settings.MetricsEndpoint;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/** The metrics endpoint's address checked against this machine, and why a listen failed, in one line each. */
final class ListenAddress {

    private ListenAddress() {
    }

    /** The endpoint's address, when it is one of this machine's (or all of them). */
    static InetAddress resolve(MetricsEndpoint endpoint) {
        InetAddress address;
        try {
            address = InetAddress.getByName(endpoint.bind());
        } catch (UnknownHostException e) {
            throw new UsageException("--metrics-bind " + endpoint.bind() + ": no such address or host name: give an IP address "
                    + "of this machine, 0.0.0.0 for all of them, or leave it out for 127.0.0.1");
        }
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && !onThisMachine(address)) {
            throw new UsageException("--metrics-bind " + endpoint.bind() + " is not an address of this machine: give one of its "
                    + "addresses, 0.0.0.0 for all of them, or leave it out for 127.0.0.1");
        }
        return address;
    }

    private static boolean onThisMachine(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Why the server could not listen, as the usage error to raise. */
    static UsageException refusal(MetricsEndpoint endpoint, IOException e) {
        String where = endpoint.bind() + ":" + endpoint.port();
        String message = String.valueOf(e.getMessage());
        if (e instanceof BindException && message.contains("in use")) {
            return new UsageException("--metrics-port " + endpoint.port() + ": " + where + " is already in use: choose another port, "
                    + "e.g. --metrics-port " + (endpoint.port() == 65535 ? 9464 : endpoint.port() + 1));
        }
        if (message.contains("ermission")) {
            return new UsageException("--metrics-port " + endpoint.port() + ": not allowed to listen on " + where
                    + " here: choose a port from 1024 up, e.g. --metrics-port 9464");
        }
        return new UsageException("--metrics-port " + endpoint.port() + ": cannot listen on " + where + " (" + message + ")");
    }
}
