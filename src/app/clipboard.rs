//! The system clipboard for pictures. egui's own `copy_image` reports nothing back, so a
//! copy that fails (no clipboard on this system, a refusal) would still be announced as done;
//! this one says whether the picture got there.

/// Opened on the first copy and kept for the app's life: on X11 the app that copied serves
/// the picture to whoever pastes it, for as long as its clipboard handle lives.
#[derive(Default)]
pub struct PictureClipboard {
    system: Option<arboard::Clipboard>,
}

impl PictureClipboard {
    /// Puts `img` on the system clipboard (as PNG for those that paste it), or says why not.
    pub fn copy(&mut self, img: &egui::ColorImage) -> Result<(), String> {
        let system = match &mut self.system {
            Some(system) => system,
            None => self.system.insert(
                arboard::Clipboard::new()
                    .map_err(|e| format!("no clipboard is available on this system ({e})"))?,
            ),
        };
        let bytes: Vec<u8> = img
            .pixels
            .iter()
            .flat_map(|c| c.to_srgba_unmultiplied())
            .collect();
        system
            .set_image(arboard::ImageData {
                width: img.width(),
                height: img.height(),
                bytes: bytes.into(),
            })
            .map_err(|e| format!("the clipboard did not take the picture ({e})"))
    }
}
