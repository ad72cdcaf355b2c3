//! Reading a statistics return's form as a browser sees it.

pub fn field_value(html: &str, id: &str) -> String {
    let at = html.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("no field {id}"));
    let rest = &html[at..];
    let v = rest.find("value=\"").map(|i| &rest[i + 7..]).unwrap_or("");
    v[..v.find('"').unwrap_or(0)].to_owned()
}

/// Every field of the return's form as the page shows it (figures and notes).
pub fn form_fields(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(r#"name="f["#) {
        rest = &rest[i + 8..];
        let name = rest[..rest.find(']').unwrap()].to_owned();
        let tag_end = rest.find('>').unwrap();
        let tag = &rest[..tag_end];
        let value = if let Some(v) = tag.find("value=\"") {
            tag[v + 7..][..tag[v + 7..].find('"').unwrap()].to_owned()
        } else {
            String::new()
        };
        out.push((format!("f[{name}]"), value));
    }
    out
}
