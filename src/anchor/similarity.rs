//! How alike two texts are: 1 - edit distance / longer length.

/// Levenshtein distance between two char slices, in O(len(a) * len(b))
/// time and O(len(b)) memory.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// 1.0 for equal texts, 0.0 for texts with nothing in common.
pub fn similarity(a: &[char], b: &[char]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    1.0 - edit_distance(a, b) as f64 / longer as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(edit_distance(&chars(""), &chars("abc")), 3);
        assert_eq!(edit_distance(&chars("主权"), &chars("主权")), 0);
    }

    #[test]
    fn similarity_is_a_share() {
        assert!((similarity(&chars("abcd"), &chars("abed")) - 0.75).abs() < 1e-9);
        assert!((similarity(&chars(""), &chars("")) - 1.0).abs() < 1e-9);
    }
}
