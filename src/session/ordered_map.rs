//! A small map that keeps the order the file gives and refuses duplicate keys.
//!
//! serde's `HashMap`/`BTreeMap` silently keep the last of two equal keys; a
//! session's `responses` and `votes` must not lose an answer that way, and the
//! order people answered in is worth keeping in the file.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Key-value pairs in file order, each key once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for OrderedMap<K, V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<K: PartialEq, V> OrderedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the map holds no pair.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many pairs the map holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The value for `key`, if any.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets `key` to `value`: in place if present, else at the end.
    /// Returns the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => Some(std::mem::replace(v, value)),
            None => {
                self.0.push((key, value));
                None
            }
        }
    }

    /// Takes `key` out, keeping the order of the rest.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    /// The pairs in order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<K: PartialEq, V> FromIterator<(K, V)> for OrderedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = OrderedMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

/// Written as a mapping, so its schema is a map's.
impl<K: schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema for OrderedMap<K, V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<K, V>>::json_schema(generator)
    }
}

impl<K: Serialize, V: Serialize> Serialize for OrderedMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, K, V> Deserialize<'de> for OrderedMap<K, V>
where
    K: Deserialize<'de> + PartialEq + Serialize,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PairsVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K, V> Visitor<'de> for PairsVisitor<K, V>
        where
            K: Deserialize<'de> + PartialEq + Serialize,
            V: Deserialize<'de>,
        {
            type Value = OrderedMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut pairs: Vec<(K, V)> = Vec::new();
                while let Some(key) = access.next_key::<K>()? {
                    if pairs.iter().any(|(k, _)| *k == key) {
                        let name = serde_yaml::to_string(&key).unwrap_or_default();
                        return Err(serde::de::Error::custom(format!(
                            "duplicate key '{}'",
                            name.trim()
                        )));
                    }
                    let value = access.next_value::<V>()?;
                    pairs.push((key, value));
                }
                Ok(OrderedMap(pairs))
            }
        }
        d.deserialize_map(PairsVisitor(PhantomData))
    }
}
