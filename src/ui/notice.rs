//! A notice under the top bar: a message (a status, or an alert when it is an error)
//! with at most one button (Dismiss, Retry). One shape for every notice of the root, so
//! each is one line of data rather than its own markup.

use yew::prelude::*;

/// Props for [`Notice`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub text: AttrValue,
    /// An error: the alert role and the error style.
    #[prop_or_default]
    pub error: bool,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The button's label and what it does.
    #[prop_or_default]
    pub button: Option<(AttrValue, Callback<MouseEvent>)>,
    #[prop_or_default]
    pub button_id: Option<AttrValue>,
}

#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let err = props.error;
    html! {
        <div class={classes!("notice", err.then_some("error"))} role={if err { "alert" } else { "status" }} id={props.id.clone()}>
            <span>{props.text.clone()}</span>
            if let Some((label, onclick)) = props.button.clone() {
                <button type="button" class="link" id={props.button_id.clone()} {onclick}>{label}</button>
            }
        </div>
    }
}
