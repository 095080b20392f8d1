"""Whether our own mail servers vouched for a sender (Authentication-Results, RFC 8601)."""

import re
from email.message import EmailMessage

# Second-level labels under which country registries sell names (example.co.uk, example.gob.mx):
# an approximation of the public suffix list, enough to find an organisational domain.
SECOND_LEVEL_SUFFIXES = set("co com org net gov gob gouv ac edu go or ne".split())

# The methods that can tie a message to the domain of its sender.
METHODS = {"dkim", "spf", "dmarc"}
TELLING = {"pass", "fail", "softfail", "permerror", "policy"}


def verdict(message: EmailMessage, address: str, trusted_servers: set[str]) -> str:
    """What our trusted servers found about mail from `address`: "pass" when a check aligned
    with its domain passed, "fail" when none did but one failed or passed for another
    domain, else "none" (nothing checked, or only "none" and "neutral" results).

    Only results whose authserv-id names one of `trusted_servers` count: the sender can write
    any other Authentication-Results header into the message himself.
    """
    domain = address.rpartition("@")[2].strip().strip(">").rstrip(".").lower()
    trusted = {server.strip().lower() for server in trusted_servers}
    results = []
    for header in message.get_all("Authentication-Results", []):
        server, header_results = _parse(str(header))
        if server in trusted:
            results.extend(header_results)
    if not results:
        # No header of ours, or "mx.example.org; none": nothing was checked.
        return "none"
    if any(
        _passes_for(method, result, properties, domain) for method, result, properties in results
    ):
        return "pass"
    # A check that failed, or passed for another domain, says the mail is not the sender's;
    # "none" or "neutral" alone (a domain that signs nothing) says nothing either way.
    if any(method in METHODS and result in TELLING for method, result, _props in results):
        return "fail"
    return "none"


def aligned(first: str, second: str) -> bool:
    """Relaxed alignment (RFC 7489): the two domains share their organisational domain."""
    first, second = first.lower().rstrip("."), second.lower().rstrip(".")
    return (
        bool(first)
        and bool(second)
        and organisational_domain(first) == organisational_domain(second)
    )


def organisational_domain(domain: str) -> str:
    """The domain a registrant holds: example.org for mail.example.org, example.co.uk."""
    labels = domain.lower().rstrip(".").split(".")
    country = labels[-1]
    if (
        len(labels) >= 3
        and len(country) == 2
        and country.isalpha()
        and labels[-2] in SECOND_LEVEL_SUFFIXES
    ):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _passes_for(method: str, result: str, properties: dict[str, str], domain: str) -> bool:
    if result != "pass" or not domain:
        return False
    if method == "dkim":
        signer = properties.get("header.d") or _domain_of(properties.get("header.i", ""))
        return aligned(signer, domain)
    if method == "spf":
        return aligned(_domain_of(properties.get("smtp.mailfrom", "")), domain)
    return properties.get("header.from", "").lower().rstrip(".") == domain


def _domain_of(value: str) -> str:
    # smtp.mailfrom and header.i hold an address, "@domain" or a bare domain.
    return value.rpartition("@")[2]


def _parse(header: str) -> tuple[str, list[tuple[str, str, dict[str, str]]]]:
    """The authserv-id and the (method, result, properties) of the known methods."""
    statements = _split(_without_comments(header), ";")
    server = statements[0].split()[0].lower() if statements and statements[0].split() else ""
    results = []
    for statement in statements[1:]:
        # CFWS may surround "=" (RFC 8601 section 2.2); joined first, then one pair per word.
        pairs = [word.partition("=") for word in _split(re.sub(r"\s*=\s*", "=", statement), " ")]
        pairs = [(name.lower(), _unquoted(value)) for name, _, value in pairs if name]
        if not pairs:
            continue
        method = pairs[0][0].split("/")[0]
        if method in METHODS:
            properties = {name: value.lower() for name, value in pairs[1:]}
            results.append((method, pairs[0][1].lower(), properties))
    return server, results


def _without_comments(text: str) -> str:
    # Comments nest, and a parenthesis inside a quoted string is not one.
    kept, depth, quoted, escaped = [], 0, False, False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "(" and not quoted:
            depth += 1
            continue
        elif char == ")" and not quoted and depth:
            depth -= 1
            continue
        if depth == 0:
            kept.append(char)
        elif not kept or kept[-1] != " ":
            kept.append(" ")
    return "".join(kept)


def _split(text: str, separator: str) -> list[str]:
    # Splits outside quoted strings; whitespace separates as one, whatever its kind.
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if not quoted and (char == separator or (separator == " " and char.isspace())):
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value
