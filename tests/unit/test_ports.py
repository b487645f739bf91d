"""Ports for test and cluster servers: distinct, free, and outside the kernel's ephemeral range."""

import socket

from bot.ports import _ephemeral_floor, free_port, free_ports


def test_ports_are_distinct_within_a_call_and_across_calls():
    first = free_ports(8)
    second = free_ports(8) + [free_port()]
    assert len(set(first)) == 8
    assert not set(first) & set(second)


def test_ports_stay_below_the_ephemeral_range_that_outgoing_connections_use():
    assert all(port < _ephemeral_floor() for port in free_ports(20))


def test_a_handed_out_port_can_be_bound_on_every_interface():
    port = free_port()
    with socket.socket() as server:
        server.bind(("0.0.0.0", port))
        server.listen()
