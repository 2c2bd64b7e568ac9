//! How a command's error is worded on stderr: each cause once.

/// `error` and its causes as one `a: b: c` message, leaving out a cause
/// whose words the message already ends with: an error that quotes its
/// cause (`Cannot save x: Permission denied`) and also gives it as its
/// source would otherwise say it twice.
pub fn message(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let said = cause.to_string();
        if message.ends_with(&said) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&said);
    }
    message
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::message;

    #[derive(Debug, thiserror::Error)]
    #[error("Cannot save s.yaml: {source}")]
    struct Quoting {
        source: io::Error,
    }

    #[test]
    fn a_cause_the_message_already_quotes_is_said_once() {
        let denied = || io::Error::from(io::ErrorKind::PermissionDenied);
        let quoting = anyhow::Error::new(Quoting { source: denied() });
        assert_eq!(message(&quoting), "Cannot save s.yaml: permission denied");
        let wrapped =
            anyhow::Error::new(io::Error::other(Quoting { source: denied() })).context("--keys");
        assert_eq!(
            message(&wrapped),
            "--keys: Cannot save s.yaml: permission denied"
        );
        let plain = anyhow::Error::new(denied()).context("cannot read s.yaml");
        assert_eq!(message(&plain), "cannot read s.yaml: permission denied");
    }
}
