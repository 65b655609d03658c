"""Reading phone numbers: text clean-up (``text``), reading a number in a region with phonenumbers
(``reading``), and its private accelerator (``_fast``)."""
