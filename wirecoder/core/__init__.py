"""The small core every part of wirecoder may use: language-free value types with no dependencies."""
