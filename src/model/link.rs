//! Which source addresses may open in the browser. Dataset files come from anyone, and a click
//! hands the address to the system's opener (`xdg-open` and the like), which would just as
//! happily run a `file:` path, a `javascript:` URL or a custom scheme's handler.

/// `url` if a click on it may open it: a web address, `http://` or `https://` in lower case
/// (as every dataset writes them; other spellings are drawn as plain text rather than
/// guessed at), with a host, and with no space, control character or mark that reorders text
/// (which would make the address shown differ from the one opened).
pub fn web_link(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let hidden = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    };
    (!host.is_empty() && !url.contains(hidden)).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::web_link;

    #[test]
    fn web_addresses_open() {
        for url in [
            "https://example.org/herald",
            "http://example.org",
            "https://example.org:8443/a?b=c#d",
            "https://dogruhaber.com.tr/amp/haber/862589-اتصال-هاتفي",
        ] {
            assert_eq!(web_link(url), Some(url));
        }
    }

    #[test]
    fn other_schemes_stay_inert() {
        for url in [
            "file:///etc/passwd",
            "file://localhost/etc/passwd",
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "HTTPS://example.org",
            "Https://example.org",
            "HTTP://example.org",
            "ftp://example.org/file",
            "mailto:someone@example.org",
            "smb://server/share",
            "vbscript:msgbox",
            "steam://run/1",
            "/etc/passwd",
            "example.org",
            "",
        ] {
            assert_eq!(web_link(url), None, "{url}");
        }
    }

    #[test]
    fn tricks_around_the_scheme_stay_inert() {
        for url in [
            " https://example.org",
            "\thttps://example.org",
            "https://",
            "https:///etc/passwd",
            "https:example.org",
            "https:/example.org",
            "https://example.org/a b",
            "https://example.org/\n--option",
            "https://example.org/\u{1b}]0;title\u{7}",
            "https://example.org/\u{202e}gpj.exe",
            "https://exa\u{200b}mple.org",
            "\u{feff}https://example.org",
        ] {
            assert_eq!(web_link(url), None, "{url:?}");
        }
    }
}
