//! `notice`: when a notice takes effect, or the latest day to give one.

use crate::cli::{Format, NoticeArgs};
use crate::error::{Error, exit};
use crate::load::Parts;
use crate::output::emit;
use crate::render::{json, table};
use crate::session::Session;
use crate::views;

pub fn notice(session: &Session, args: &NoticeArgs) -> Result<u8, Error> {
    let format = session.format("notice")?;
    let question = match (args.given, args.leave_by) {
        (Some(given), None) => views::notice::Question::Given(given),
        (None, Some(leave_by)) => views::notice::Question::LeaveBy(leave_by),
        // clap makes the two exclusive and one of them required.
        _ => {
            return Err(Error::Usage(
                "give exactly one of --given DATE and --leave-by DATE".to_owned(),
            ));
        }
    };
    let reg = session.registry_of(Parts {
        meetings: true,
        ..Parts::STRUCTURE
    })?;
    let view = views::notice::build(&reg, &args.agreement, &args.party, question, session.today)?;
    emit(&match format {
        Format::Json => json::notice(&view),
        _ => table::notice(&view, session.lang(&reg), session.today),
    })?;
    Ok(exit::OK)
}
