package com.acme.orders.platform.axon;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A connection that counts the calls a test watches for, and otherwise is the one it
 * wraps.
 */
final class CountingConnections {

	private CountingConnections() {
	}

	/**
	 * @param counted whether a call, by its method and arguments, is one to count
	 */
	static Connection counting(Connection connection, BiPredicate<Method, Object[]> counted, AtomicInteger count) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (counted.test(method, args)) {
						count.incrementAndGet();
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
