"""The one error a return file can cause: it names the file, the line and what was expected."""


class ReturnFileError(ValueError):
    """A return file that cannot be read (or a dataset that cannot be written as one).

    Raised before anything is loaded or written, with a message for the person who gave the file.
    """
