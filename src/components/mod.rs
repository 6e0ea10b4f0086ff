pub mod icon;
pub mod nav;
pub mod page_header;
