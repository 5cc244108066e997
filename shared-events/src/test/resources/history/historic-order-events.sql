-- Order events as an earlier release stored them, raw, in the event table: what the upcasters must still read.
-- Order 1 was stored under the old type name OrderCreated (revision 1: items, numeric prices, one-line address).
-- Order 2 was placed with OrderPlaced revision 1 and then shipped and delivered in one OrderShippedAndDelivered.
insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_revision, payload_type, time_stamp)
values
('0e000000-0000-4000-8000-000000000001', 0, 'Order', 'historic-1', convert_to('{}', 'UTF8'),
 convert_to('{"orderId":"0e000000-0000-4000-8000-000000000001","customerId":"alice","items":[{"productId":"BOOK-1984","qty":2,"price":12.5}],"totalAmount":25.0,"currency":"EUR","address":"Ada Lovelace, 1 Main St, N1 9GU London, GB"}', 'UTF8'),
 '1', 'com.acme.orders.events.order.OrderCreated', '2024-03-01T09:30:00Z'),
('0e000000-0000-4000-8000-000000000002', 0, 'Order', 'historic-2', convert_to('{}', 'UTF8'),
 convert_to('{"orderId":"0e000000-0000-4000-8000-000000000002","customerId":"alice","items":[{"productId":"PEN-1","qty":3,"price":3.99}],"totalAmount":11.97,"currency":"EUR","address":"somewhere behind the old mill"}', 'UTF8'),
 '1', 'com.acme.orders.events.order.OrderPlaced', '2024-03-01T10:00:00Z'),
('0e000000-0000-4000-8000-000000000002', 1, 'Order', 'historic-3', convert_to('{}', 'UTF8'),
 convert_to('{"orderId":"0e000000-0000-4000-8000-000000000002","trackingNumber":"1Z999","shippedAt":"2024-03-02T10:00:00Z","deliveredAt":"2024-03-04T16:00:00Z"}', 'UTF8'),
 '1', 'com.acme.orders.events.order.OrderShippedAndDelivered', '2024-03-04T16:00:00Z');
