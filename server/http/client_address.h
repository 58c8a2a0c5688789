// Who a request comes from, as the per-client limits count it (connections, uploads, sessions,
// failed tokens): the TCP peer, or behind a trusted proxy the address it forwarded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace examready::server::http {

bool is_ip_literal(std::string_view text);

// The key the per-client limits use for an address: an IPv4 address as it is; an IPv6 address
// as its /64 ("2001:db8:1:2::/64"). One IPv6 subscriber holds a whole /64 and its privacy
// addresses change within it, so a per-address limit would count each of its 2^64 addresses
// apart. Anything that is not an address is returned as it is.
std::string client_key(std::string_view address);

// The client a trusted proxy names: the rightmost entry of X-Forwarded-For, whose field lines
// (`lines`, in the order received) are one comma-separated list (RFC 9110 5.3): a client's
// own line comes first, the proxy appends its entry last. Empty when the rightmost entry is
// not an address.
std::string forwarded_client(const std::vector<std::string_view>& lines);

}  // namespace examready::server::http
