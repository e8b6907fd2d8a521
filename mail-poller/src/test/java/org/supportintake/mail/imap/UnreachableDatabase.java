package org.supportintake.mail.imap;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** A pool that can be made unreachable, as a pool whose database went away answers: no connection within the timeout. */
final class UnreachableDatabase implements DataSource {

    private final DataSource pool;
    private volatile boolean down;

    UnreachableDatabase(DataSource pool) {
        this.pool = pool;
    }

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhenDown();
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhenDown();
        return pool.getConnection(username, password);
    }

    private void refuseWhenDown() throws SQLTransientConnectionException {
        if (down) {
            throw new SQLTransientConnectionException("intake - Connection is not available, request timed out", "08001");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
