package com.acme.orders.platform.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The JDBC event store, reporting to {@link EventArrivals} each time the embedded store's
 * reader thread has fetched new events. That thread is the only one that reads with
 * {@code mayBlock}; it puts each event in the store's cache as it reads it, so once its
 * read is used up every tailing stream can see the events.
 * <p>
 * Each event's timestamp is parsed once, as it is read ({@link StoredTimestamps}).
 */
final class SignallingJdbcEventStorageEngine extends JdbcEventStorageEngine {

	private final EventArrivals arrivals;

	SignallingJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, EventArrivals arrivals) {
		super(builder);
		this.arrivals = arrivals;
	}

	@Override
	public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
		Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
		return mayBlock ? reportingWhenUsedUp(events) : events;
	}

	private Stream<TrackedEventMessage<?>> reportingWhenUsedUp(Stream<? extends TrackedEventMessage<?>> events) {
		Spliterator<? extends TrackedEventMessage<?>> source = events.spliterator();
		Spliterator<TrackedEventMessage<?>> reporting = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
				source.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED)) {

			private boolean read;

			@Override
			public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
				if (source.tryAdvance(action)) {
					read = true;
					return true;
				}
				if (read) {
					read = false;
					arrivals.fetched();
				}
				return false;
			}

		};
		return StreamSupport.stream(reporting, false).onClose(events::close);
	}

	@Override
	protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
			throws SQLException {
		TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
		if (!(read instanceof DomainEventData<?> event)) {
			return read;
		}
		return new TrackedDomainEventData<>(read.trackingToken(), parsedOnce(event, resultSet));
	}

	@Override
	protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
		return parsedOnce(super.getDomainEventData(resultSet), resultSet);
	}

	@Override
	protected DomainEventData<?> getSnapshotData(ResultSet resultSet) throws SQLException {
		return parsedOnce(super.getSnapshotData(resultSet), resultSet);
	}

	private <T> DomainEventData<T> parsedOnce(DomainEventData<T> read, ResultSet resultSet) throws SQLException {
		return new ParsedTimestampEventData<>(read,
				StoredTimestamps.parse(resultSet.getString(schema().timestampColumn())));
	}

}
