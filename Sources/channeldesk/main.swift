print("channeldesk")
