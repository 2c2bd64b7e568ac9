//! The colours a terminal can show, and a theme made to fit them.
//!
//! Detection and conversion are termprofile's: it reads `NO_COLOR`,
//! `FORCE_COLOR`, `CLICOLOR_FORCE`, `COLORTERM`, `TERM`, `TERM_PROGRAM` and
//! the Windows version, and maps 24-bit colours to the nearest of the 256.
//! What is ours is keeping the contrast promise through the conversion (see
//! [`Theme::for_profile`](super::Theme::for_profile)).

use std::io::IsTerminal as _;

use ratatui::style::Color;
use termprofile::{DetectorSettings, EnvVarSource, TermProfile, TermVars};

/// What `--color` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColourChoice {
    /// What the terminal says it can show.
    #[default]
    Auto,
    /// 24-bit colour, the themes exactly.
    Truecolor,
    /// The 256-colour palette.
    #[value(name = "256")]
    Ansi256,
    /// The 16 colours whose shades each terminal picks.
    #[value(name = "16")]
    Ansi16,
    /// No colour: bold, underline and reverse video carry the meaning.
    Never,
}

/// How much colour the screen gets, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Profile {
    /// The terminal's own foreground and background only.
    NoColour,
    /// The 16 ANSI colours, whose shades nobody here can know.
    Ansi16,
    /// The 256-colour palette; its colours 16 to 255 have known shades.
    Ansi256,
    /// Any 24-bit colour.
    TrueColour,
}

impl Profile {
    /// Every profile, most colour first.
    pub const ALL: [Profile; 4] = [
        Profile::TrueColour,
        Profile::Ansi256,
        Profile::Ansi16,
        Profile::NoColour,
    ];

    /// How `--color` names this profile.
    pub fn name(self) -> &'static str {
        match self {
            Profile::TrueColour => "truecolor",
            Profile::Ansi256 => "256",
            Profile::Ansi16 => "16",
            Profile::NoColour => "never",
        }
    }

    /// `colour` as this profile can send it: 24-bit colours become the
    /// nearest of the 256 (termprofile's matching), or, with 16 colours or
    /// none, the terminal's default (a theme's own ANSI colours are chosen
    /// before this, in [`Theme::for_profile`](super::Theme::for_profile)).
    /// This is the mapping a contrast measurement of drawn cells applies.
    pub fn convert(self, colour: Color) -> Color {
        match self {
            Profile::TrueColour => colour,
            Profile::Ansi256 => match colour {
                Color::Rgb(..) => TermProfile::Ansi256
                    .adapt_color(colour)
                    .unwrap_or(Color::Reset),
                _ => colour,
            },
            // Named ANSI colours are what a 16-colour theme is made of; a
            // shade picked for 24-bit or 256 colours has no safe stand-in.
            Profile::Ansi16 => match colour {
                Color::Rgb(..) | Color::Indexed(_) => Color::Reset,
                _ => colour,
            },
            Profile::NoColour => Color::Reset,
        }
    }
}

/// The shade a colour has on every terminal, for measuring contrast: a
/// 24-bit colour, or one of the 256-colour palette's 16 to 255 (the cube and
/// grey ramp every terminal shares). `None` for the 16 ANSI colours and the
/// terminal's default, whose shades each terminal (and user) picks.
pub fn known_shade(colour: Color) -> Option<(u8, u8, u8)> {
    match colour {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        Color::Indexed(index) if index >= 16 => {
            let rgb = termprofile::ansi256_to_rgb(index.into());
            Some((rgb.r(), rgb.g(), rgb.b()))
        }
        _ => None,
    }
}

/// Why the live app cannot draw here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoScreen {
    /// Output goes to a file or a pipe.
    #[error(
        "the meeting needs a terminal to draw on; use `coproduce render` to run it \
         headless, or `coproduce report` for the minutes"
    )]
    NotATerminal,
    /// `TERM=dumb`: a terminal that cannot move the cursor.
    #[error(
        "this terminal (TERM=dumb) cannot draw the meeting's screen; use `coproduce render` \
         to run it headless, or `coproduce report` for the minutes"
    )]
    Dumb,
}

/// The profile for the live app on standard output: `choice`, or with
/// `auto` what the environment says.
///
/// # Errors
/// [`NoScreen`] when output is not a terminal or the terminal is `dumb`,
/// whatever `choice` says: the screen cannot be drawn there at all.
pub fn for_live(choice: ColourChoice) -> Result<Profile, NoScreen> {
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    decide(choice, &termprofile::Env, terminal)
}

/// [`for_live`] on a given environment and terminal, for tests.
///
/// # Errors
/// As [`for_live`].
pub fn decide(
    choice: ColourChoice,
    env: &impl EnvVarSource,
    terminal: bool,
) -> Result<Profile, NoScreen> {
    if !terminal {
        return Err(NoScreen::NotATerminal);
    }
    if env.var("TERM").is_some_and(|term| term == "dumb") {
        return Err(NoScreen::Dumb);
    }
    Ok(match choice {
        ColourChoice::Auto => detect(env, terminal),
        ColourChoice::Truecolor => Profile::TrueColour,
        ColourChoice::Ansi256 => Profile::Ansi256,
        ColourChoice::Ansi16 => Profile::Ansi16,
        ColourChoice::Never => Profile::NoColour,
    })
}

/// termprofile's reading of `env`.
fn detect(env: &impl EnvVarSource, terminal: bool) -> Profile {
    // `tmux info` is not asked: inside tmux the profile is 256 colours
    // unless `--color truecolor` says the tmux is set up for more.
    let settings = DetectorSettings::new().enable_tmux_info(false);
    let read = |env: &dyn Fn(&str) -> Option<String>| {
        let vars = TermVars::from_source(&Vars(env), &Output(terminal), settings.clone());
        TermProfile::detect_with_vars(vars)
    };
    let said = read(&|key| env.var(key));
    let inside_tmux = env.var("TMUX").is_some()
        || env
            .var("TERM_PROGRAM")
            .is_some_and(|program| program == "tmux");
    // Inside tmux termprofile trusts tmux over TERM; a program started with
    // its own TERM (`TERM=linux`) is told no more than that TERM shows.
    let profile = match env.var("TERM") {
        Some(term) if inside_tmux => {
            let term_alone = read(&|key| (key == "TERM").then(|| term.clone()));
            said.min(term_alone)
        }
        _ => said,
    };
    match profile {
        TermProfile::TrueColor => Profile::TrueColour,
        TermProfile::Ansi256 => Profile::Ansi256,
        TermProfile::Ansi16 => Profile::Ansi16,
        TermProfile::NoColor | TermProfile::NoTty => Profile::NoColour,
    }
}

/// Variables read through a function, so some can be left out.
struct Vars<'a>(&'a dyn Fn(&str) -> Option<String>);

impl EnvVarSource for Vars<'_> {
    fn var(&self, key: &str) -> Option<String> {
        (self.0)(key)
    }
}

/// Whether the output is a terminal, as already found out.
struct Output(bool);

impl termprofile::IsTerminal for Output {
    fn is_terminal(&self) -> bool {
        self.0
    }
}

#[cfg(test)]
mod tests;
