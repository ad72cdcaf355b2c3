//! The edge of the service: who the client is (the socket's peer or, behind proxies we trust, the
//! address the nearest of them reports in `X-Forwarded-For`), and per-address rate limits on the
//! endpoints anyone can call without an account (the referral wizard and sign-in).

use app::request::ClientAddress;
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter, clock::Clock as _};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

/// Server functions anyone may call; each address gets [`public_quota`] of them.
const PUBLIC_PREFIXES: [&str; 3] = ["/api/refer", "/api/login", "/api/contact"];

#[derive(Clone)]
pub struct Edge {
    /// How many proxies in front of the service add the address they saw to `X-Forwarded-For`.
    /// With 0 the header is ignored: anyone can write it.
    pub trusted_proxies: usize,
    pub public_requests: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

/// Public calls allowed per address per minute, unless configured: a burst of half as many, then
/// 4 a second. Far beyond a person filling in the wizard (a call or two per page), even many
/// people behind one office's address; well short of a script hammering it. (Codes and passwords
/// have their own, much tighter, limits per reference and per account.)
pub const PUBLIC_CALLS_PER_MINUTE: u32 = 240;

pub fn public_quota(per_minute: u32) -> Quota {
    let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
    let burst = NonZeroU32::new(per_minute.get() / 2).unwrap_or(NonZeroU32::MIN);
    Quota::per_minute(per_minute).allow_burst(burst)
}

impl Edge {
    pub fn new(trusted_proxies: usize, quota: Quota) -> Self {
        Self { trusted_proxies, public_requests: Arc::new(RateLimiter::keyed(quota)) }
    }

    /// Forgets addresses whose allowance is full again (run now and then, so memory stays small).
    pub fn forget_idle(&self) {
        self.public_requests.retain_recent();
        self.public_requests.shrink_to_fit();
    }
}

/// The client's address: with `trusted` proxies in front, the entry the outermost trusted proxy
/// added (counting from the right of `X-Forwarded-For`); anything further left could be forged.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: usize) -> IpAddr {
    if trusted == 0 {
        return peer;
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    entries.len().checked_sub(trusted).and_then(|i| entries.get(i)).and_then(|entry| entry.parse().ok()).unwrap_or(peer)
}

/// Whose allowance a request uses: the IPv4 address, or the IPv6 /64 network. One connection
/// is handed a whole /64 (2⁶⁴ addresses), so limits per IPv6 address would let one person
/// take a new address for every request.
pub fn limit_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(std::net::Ipv6Addr::from(v6.to_bits() & !u128::from(u64::MAX))),
        },
    }
}

/// Puts the client's address on the request, then applies the public rate limit.
pub async fn identify_and_limit(State(edge): State<Edge>, mut request: Request, next: Next) -> Response {
    let peer =
        request.extensions().get::<ConnectInfo<SocketAddr>>().map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    let client = client_ip(peer, request.headers(), edge.trusted_proxies);
    request.extensions_mut().insert(ClientAddress(client));
    let path = request.uri().path();
    if PUBLIC_PREFIXES.iter().any(|p| path.starts_with(p))
        && let Err(not_until) = edge.public_requests.check_key(&limit_key(client))
    {
        let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
        tracing::warn!(path, "public rate limit reached");
        let mut response =
            (StatusCode::TOO_MANY_REQUESTS, "Too many requests from your connection: wait a minute, then try again.")
                .into_response();
        let seconds = wait.as_secs().saturating_add(1);
        if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return response;
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        headers
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let peer: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(client_ip(peer, &forwarded(&["198.51.100.1"]), 0), peer);
    }

    #[test]
    fn with_one_trusted_proxy_its_entry_counts_and_forged_ones_do_not() {
        let peer: IpAddr = "10.0.0.2".parse().unwrap();
        let h = forwarded(&["1.2.3.4, 198.51.100.7"]);
        assert_eq!(client_ip(peer, &h, 1), "198.51.100.7".parse::<IpAddr>().unwrap());
        let two_headers = forwarded(&["1.2.3.4", "198.51.100.7, 10.0.0.1"]);
        assert_eq!(client_ip(peer, &two_headers, 2), "198.51.100.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn a_missing_or_unreadable_entry_falls_back_to_the_peer() {
        let peer: IpAddr = "10.0.0.2".parse().unwrap();
        assert_eq!(client_ip(peer, &HeaderMap::new(), 1), peer);
        assert_eq!(client_ip(peer, &forwarded(&["not an address"]), 1), peer);
        assert_eq!(client_ip(peer, &forwarded(&["198.51.100.7"]), 2), peer);
    }

    #[test]
    fn an_ipv6_network_shares_one_allowance() {
        let edge = Edge::new(0, public_quota(PUBLIC_CALLS_PER_MINUTE));
        // A fresh address from the same /64 for every request: still one allowance.
        let allowed = (0..200u16)
            .map(|i| IpAddr::V6(std::net::Ipv6Addr::new(0x2001, 0xdb8, 1, 2, i, i, 7, i)))
            .filter(|ip| edge.public_requests.check_key(&limit_key(*ip)).is_ok())
            .count();
        assert!((120..130).contains(&allowed), "{allowed}");
        let next_network = IpAddr::V6(std::net::Ipv6Addr::new(0x2001, 0xdb8, 1, 3, 0, 0, 0, 1));
        assert!(edge.public_requests.check_key(&limit_key(next_network)).is_ok(), "the next /64 has its own");
        let mapped: IpAddr = "::ffff:198.51.100.7".parse().unwrap();
        assert_eq!(limit_key(mapped), "198.51.100.7".parse::<IpAddr>().unwrap(), "IPv4 as IPv6 is IPv4");
        let v4: IpAddr = "198.51.100.7".parse().unwrap();
        assert_eq!(limit_key(v4), v4);
    }

    #[test]
    fn the_public_quota_allows_a_burst_then_refuses() {
        let edge = Edge::new(0, public_quota(PUBLIC_CALLS_PER_MINUTE));
        let ip: IpAddr = "198.51.100.7".parse().unwrap();
        let allowed = (0..200).filter(|_| edge.public_requests.check_key(&ip).is_ok()).count();
        assert!((120..130).contains(&allowed), "{allowed}");
        let other: IpAddr = "198.51.100.8".parse().unwrap();
        assert!(edge.public_requests.check_key(&other).is_ok(), "another address has its own allowance");
    }
}
