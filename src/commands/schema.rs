//! `schema`: JSON Schemas of the file kinds, for editors.

use crate::error::{Error, exit};
use crate::output::{emit, write_atomically};
use crate::session::Session;

pub fn schema(
    session: &Session,
    out: Option<&std::path::Path>,
    kind: Option<&str>,
) -> Result<u8, Error> {
    session.format("schema")?;
    let kinds: Vec<&str> = match kind {
        Some(k) if crate::schema::KINDS.contains(&k) => vec![k],
        Some(k) => {
            let hint = crate::suggest::closest(k, crate::schema::KINDS)
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            return Err(Error::Usage(format!(
                "no file kind {k:?}; {hint}kinds are {}",
                crate::schema::KINDS.join(", ")
            )));
        }
        None => crate::schema::KINDS.to_vec(),
    };
    let pretty =
        |v: &serde_json::Value| serde_json::to_string_pretty(v).expect("schemas serialize") + "\n";
    match out {
        None => {
            let doc = match kinds.as_slice() {
                [one] => crate::schema::schema(one).expect("a known kind"),
                _ => serde_json::Value::Object(
                    kinds
                        .iter()
                        .map(|k| {
                            (
                                (*k).to_owned(),
                                crate::schema::schema(k).expect("a known kind"),
                            )
                        })
                        .collect(),
                ),
            };
            emit(&pretty(&doc))?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            for k in kinds {
                let text = pretty(&crate::schema::schema(k).expect("a known kind"));
                write_atomically(&dir.join(format!("{k}.schema.json")), &text)?;
            }
        }
    }
    Ok(exit::OK)
}
