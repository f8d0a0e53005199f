package main

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// The list flags of serve that describe the network around the server.

// proxiesValue is --trusted-proxies: comma-separated CIDR networks or
// single IP addresses, a single address standing for its /32 or /128.
type proxiesValue []*net.IPNet

func (v *proxiesValue) String() string {
	if v == nil {
		return ""
	}
	parts := make([]string, len(*v))
	for i, n := range *v {
		parts[i] = n.String()
	}
	return strings.Join(parts, ",")
}

// Set replaces the list with the networks s names.
func (v *proxiesValue) Set(s string) error {
	nets, err := mapList(s, parseNetwork)
	if err != nil {
		return err
	}
	*v = nets
	return nil
}

// parseNetwork reads one trusted proxy: a CIDR network or an IP address.
func parseNetwork(s string) (*net.IPNet, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		addr, aerr := netip.ParseAddr(s)
		if aerr != nil || addr.Zone() != "" {
			return nil, fmt.Errorf("%q is neither a network such as 10.0.0.0/8 nor an IP address such as 192.0.2.1", s)
		}
		addr = addr.Unmap()
		p = netip.PrefixFrom(addr, addr.BitLen())
	}
	_, n, err := net.ParseCIDR(p.Masked().String())
	if err != nil {
		return nil, fmt.Errorf("%q: %v", s, err)
	}
	return n, nil
}

// originsValue is --cors-origins: comma-separated web origins, each a
// scheme (http or https) and a host with an optional port, nothing more.
type originsValue []string

func (v *originsValue) String() string {
	if v == nil {
		return ""
	}
	return strings.Join(*v, ",")
}

// Set replaces the list with the origins s names, in the form browsers
// send in the Origin header (lower case, no trailing slash).
func (v *originsValue) Set(s string) error {
	origins, err := mapList(s, parseOrigin)
	if err != nil {
		return err
	}
	*v = origins
	return nil
}

// parseOrigin reads one origin such as https://app.example:8443.
func parseOrigin(s string) (string, error) {
	u, err := url.Parse(s)
	want := fmt.Sprintf("%q is not an origin such as https://app.example", s)
	switch {
	case err != nil:
		return "", fmt.Errorf("%s: %v", want, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("%s: the scheme must be http or https", want)
	case u.Host == "" || u.Hostname() == "":
		return "", fmt.Errorf("%s: it has no host", want)
	case u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil || u.Opaque != "" || u.ForceQuery:
		return "", fmt.Errorf("%s: an origin is only a scheme and a host, with no path, query or user", want)
	}
	return u.Scheme + "://" + strings.ToLower(u.Host), nil
}

// mapList parses each comma-separated item of s with parse; an empty s is
// an empty list, an empty item an error.
func mapList[T any](s string, parse func(string) (T, error)) ([]T, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []T
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return nil, fmt.Errorf("an empty item in the comma-separated list %q", s)
		}
		v, err := parse(item)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
