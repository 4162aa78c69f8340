"""ContractDesk: IT purchases, agreements and renewals bought through resellers."""

__version__ = "0.1.0"
APP_NAME = "ContractDesk"
