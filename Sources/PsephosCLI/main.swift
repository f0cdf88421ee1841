import Psephos

print("psephos")
