//! Whether role colours stay apart for people with the common kinds of
//! colour blindness: each colour is passed through a simulation of
//! protanopia, deuteranopia and tritanopia (Machado, Oliveira and
//! Fernandes 2009, severity 1.0, on linear RGB), then compared in OKLab,
//! where a straight-line distance follows how different colours look.

/// How far apart (OKLab distance) every two colours of a set that must be
/// told apart (role colours; ok, warn and alert; a selected row and the
/// screen) must
/// stay, with normal vision and under each simulation: about 6 in CIE76
/// ΔE terms. 0.1 is a clear difference side by side; below about 0.05 two
/// bars in a table start to look the same. On white, 7:1 contrast leaves
/// only dark colours, so the light theme cannot get far above this. The
/// role's symbol and name go with its colour anyway, so colour is never
/// all a person has to go on.
pub const ROLE_DISTANCE: f64 = 0.06;

/// A kind of colour vision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vision {
    Normal,
    /// No long-wavelength (red) cones.
    Protanopia,
    /// No medium-wavelength (green) cones: the commonest.
    Deuteranopia,
    /// No short-wavelength (blue) cones: rare.
    Tritanopia,
}

impl Vision {
    /// Every kind checked, normal first.
    pub const ALL: [Vision; 4] = [
        Vision::Normal,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    /// Its name, as in the test's report.
    pub fn name(self) -> &'static str {
        match self {
            Vision::Normal => "normal",
            Vision::Protanopia => "protanopia",
            Vision::Deuteranopia => "deuteranopia",
            Vision::Tritanopia => "tritanopia",
        }
    }

    /// Machado et al. (2009), table 1, severity 1.0.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            Vision::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            Vision::Tritanopia => [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        }
    }

    /// How an sRGB colour looks with this vision, in OKLab (L, a, b).
    pub fn see(self, (r, g, b): (u8, u8, u8)) -> [f64; 3] {
        let linear = [linear(r), linear(g), linear(b)];
        let m = self.matrix();
        let seen = m.map(|row| {
            (row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2]).clamp(0.0, 1.0)
        });
        oklab(seen)
    }

    /// The OKLab distance between two colours as seen with this vision.
    pub fn distance(self, a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        let (a, b) = (self.see(a), self.see(b));
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }
}

fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// Linear sRGB to OKLab (Björn Ottosson, 2020).
fn oklab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    [
        0.210_454_255_3 * l + 0.793_617_785_0 * m - 0.004_072_040_3 * s,
        1.977_998_495_1 * l - 2.428_592_205_0 * m + 0.450_593_709_9 * s,
        0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766_0 * s,
    ]
}

/// The closest two of `colours` (name, sRGB) as seen with `vision`: the
/// two names and their distance. `None` with fewer than two colours.
pub fn closest_pair<'a>(
    colours: &[(&'a str, (u8, u8, u8))],
    vision: Vision,
) -> Option<(&'a str, &'a str, f64)> {
    let mut closest: Option<(&str, &str, f64)> = None;
    for (i, &(name_a, a)) in colours.iter().enumerate() {
        for &(name_b, b) in &colours[i + 1..] {
            let d = vision.distance(a, b);
            if closest.is_none_or(|(_, _, best)| d < best) {
                closest = Some((name_a, name_b, d));
            }
        }
    }
    closest
}
