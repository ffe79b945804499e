print("wegweiser")
