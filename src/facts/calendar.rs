//! A small proleptic Gregorian calendar: enough to resolve "on Tuesday" or
//! "three days later" against a publication date, without a date crate in
//! the WASM bundle.

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year.
    pub y: i32,
    /// Month, 1–12.
    pub m: u32,
    /// Day of the month, 1–31.
    pub d: u32,
}

/// Days in a month.
pub fn month_len(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// A valid day, or `None`.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Day> {
        ((1..=12).contains(&m) && d >= 1 && d <= month_len(y, m) && (1000..=2999).contains(&y))
            .then_some(Day { y, m, d })
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn to_days(self) -> i64 {
        let y = if self.m <= 2 { self.y - 1 } else { self.y } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.m as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The day `n` days since 1970-01-01.
    pub fn from_days(z: i64) -> Day {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Day {
            y: (if m <= 2 { y + 1 } else { y }) as i32,
            m,
            d,
        }
    }

    /// This day plus `n` days.
    pub fn add_days(self, n: i64) -> Day {
        Day::from_days(self.to_days() + n)
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u32
    }

    /// This month plus `n` months (day clamped to the month's length).
    pub fn add_months(self, n: i32) -> Day {
        let total = self.y * 12 + self.m as i32 - 1 + n;
        let y = total.div_euclid(12);
        let m = (total.rem_euclid(12) + 1) as u32;
        Day {
            y,
            m,
            d: self.d.min(month_len(y, m)),
        }
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// Reads the date at the start of an ISO-like string: `2013-11-05`,
/// `2013-11-05T08:30:00+07:00`, `20131105`.
pub fn parse_iso(s: &str) -> Option<Day> {
    let s = s.trim();
    let digits: String = s.chars().take(10).collect();
    let p: Vec<&str> = digits.split(['-', '/', '.']).collect();
    if p.len() >= 3 && p[0].len() == 4 {
        return Day::new(
            p[0].parse().ok()?,
            p[1].parse().ok()?,
            p[2].get(..2).unwrap_or(p[2]).parse().ok()?,
        );
    }
    // `get`: byte 8 may fall inside a character ("2013😀").
    if s.get(..8)
        .is_some_and(|h| h.bytes().all(|c| c.is_ascii_digit()))
    {
        return Day::new(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..8].parse().ok()?,
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_weekdays() {
        let d = Day::new(2013, 11, 6).unwrap();
        assert_eq!(Day::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), 2); // a Wednesday
        assert_eq!(d.add_days(-9).iso(), "2013-10-28");
        assert_eq!(
            Day::new(2024, 1, 31).unwrap().add_months(1).iso(),
            "2024-02-29"
        );
        assert_eq!(
            Day::new(2024, 1, 15).unwrap().add_months(-1).iso(),
            "2023-12-15"
        );
        assert!(Day::new(2023, 2, 29).is_none());
        assert_eq!(
            parse_iso("2013-11-06T08:30:00+07:00"),
            Day::new(2013, 11, 6)
        );
        assert_eq!(parse_iso("20131106"), Day::new(2013, 11, 6));
        assert_eq!(parse_iso("Nov 6"), None);
    }
}
